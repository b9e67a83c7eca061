// Photos of a case's step (二看): uploaded as a file (its reference from the upload door), listed
// as metadata, fetched one at a time as a data URL — the same way the print centre's base image
// reaches the renderer, so the desktop app and web mode show them through the one API.
import { z } from 'zod';
import { method } from '../define';
import { workflowRef } from './workflow';
import { PHOTO_STAGES, type PhotoMime } from '../../domain/workflow/photo-rules';

export interface PhotoView {
  id: string;
  caseId: string;
  stage: string;
  fileName: string;
  mime: PhotoMime;
  byteSize: number;
  sha256: string;
  width: number;
  height: number;
  note: string;
  createdAt: string;
  createdBy: string;
  /** Step-log numbers of the completions that cite this photo. */
  citedBy: number[];
  /** Deleting is allowed while the case is open, the step not completed and no completion cites it. */
  deletable: boolean;
}

export interface PhotoContent extends PhotoView {
  dataUrl: string;
}

const id = (label: string) => z.string().min(1).max(64).describe(label);
const stage = z.enum(PHOTO_STAGES).default('inspect').describe('步骤');

export const workflowPhotosContract = {
  'workflow.uploadPhoto': method<PhotoView>()({
    summary: '为案件的二看上传一张照片（JPEG 或 PNG，每张不超过 5 MB，每步最多 20 张）',
    input: z.object({
      caseId: id('案件'),
      stage,
      uploadRef: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, '上传文件的引用格式不正确').describe('照片文件'),
      note: z.string().trim().max(200, '照片说明不能超过 200 字').default('').describe('照片说明'),
    }),
    access: 'write',
    scope: { entity: 'workflow', id: (i) => workflowRef('case', i.caseId) },
  }),
  'workflow.photos': method<PhotoView[]>()({
    summary: '案件某一步的照片（不含图片内容）',
    input: z.object({ caseId: id('案件'), stage }),
    access: 'read',
    scope: { entity: 'workflow', id: (i) => workflowRef('case', i.caseId) },
  }),
  'workflow.photo': method<PhotoContent>()({
    summary: '一张照片的内容（用于显示）',
    input: z.object({ id: id('照片') }),
    access: 'read',
    scope: { entity: 'workflow', id: (i) => workflowRef('attachment', i.id) },
  }),
  'workflow.deletePhoto': method<PhotoView[]>()({
    summary: '删除一张尚未用于已办结步骤的照片',
    input: z.object({ id: id('照片') }),
    access: 'write',
    scope: { entity: 'workflow', id: (i) => workflowRef('attachment', i.id) },
  }),
};
