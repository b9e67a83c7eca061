import { readFileSync, rmSync } from 'node:fs';
import type { HandlersFor } from '../handler-types';
import { sessionOf } from '../handler-types';
import type { workflowPhotosContract } from '../contract/workflow-photos';
import { uploadedFile } from '../../services/transfer-files';
import { workflowActorOf } from '../../services/workflow/access';
import { casePhotos, deletePhoto, photoContent, uploadPhoto } from '../../services/workflow/photos';

export const workflowPhotoHandlers: HandlersFor<typeof workflowPhotosContract> = {
  'workflow.uploadPhoto': (ctx, { caseId, stage, uploadRef, note }) => {
    const upload = uploadedFile(ctx.station, uploadRef);
    try {
      return uploadPhoto(ctx.station, workflowActorOf(sessionOf(ctx)), { caseId, stage, note, fileName: upload.fileName, bytes: readFileSync(upload.path) });
    } finally {
      // A household's photo is kept in the database or not at all, never left in the transfer folder.
      rmSync(upload.path, { force: true });
    }
  },
  'workflow.photos': (ctx, { caseId, stage }) => casePhotos(ctx.station, caseId, stage),
  'workflow.photo': (ctx, { id }) => photoContent(ctx.station, id),
  'workflow.deletePhoto': (ctx, { id }) => deletePhoto(ctx.station, workflowActorOf(sessionOf(ctx)), id),
};
