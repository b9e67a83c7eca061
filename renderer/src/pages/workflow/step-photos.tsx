// The photos of 二看: an upload list inside the step's form (take or pick photos, see them as
// thumbnails, delete one not yet used), and the thumbnails of a completed step in the case's log.
// Core decides what a photo is (by its bytes) and says why a file is refused; this shows it.
import { useEffect, useRef, useState } from 'react';
import { Alert, Image, Space, Typography, Upload, type UploadFile } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import type { PhotoView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { uploadFile } from '../../api/transfer';

const THUMB = { width: 96, height: 72 };

/** Each photo's bytes as a data URL, fetched once per photo (a list never carries the bytes). */
function usePhotoUrls(ids: readonly string[]): Record<string, string> {
  const [urls, setUrls] = useState<Record<string, string>>({});
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    for (const id of ids) {
      if (urls[id]) continue;
      void call('workflow.photo', { id })
        .then((p) => live && setUrls((u) => ({ ...u, [id]: p.dataUrl })))
        .catch(() => undefined); // a thumbnail that cannot load stays a placeholder; the list still says the file's name
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refetch only when the set of photos changes
  }, [key]);
  return urls;
}

interface FieldProps {
  caseId: string;
  /** Form.Item's value: the ids of the photos the step will cite. */
  value?: string[];
  onChange?(ids: string[]): void;
}

/** The step form's photo field: every photo uploaded to this step so far is cited when it is completed. */
export function PhotoUploadField({ caseId, value, onChange }: FieldProps) {
  const [photos, setPhotos] = useState<PhotoView[] | null>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const [busy, setBusy] = useState(0);
  const urls = usePhotoUrls((photos ?? []).map((p) => p.id));

  const settle = (next: PhotoView[]) => {
    setPhotos(next);
    onChange?.(next.map((p) => p.id));
  };
  useEffect(() => {
    void call('workflow.photos', { caseId })
      .then(settle)
      .catch((err: unknown) => setRefused([errorText(err)]));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per case
  }, [caseId]);

  // Files picked together go up one after another, so the 20-photo limit refuses the right ones.
  const queue = useRef(Promise.resolve());
  const add = (file: File) => {
    setBusy((n) => n + 1);
    queue.current = queue.current.then(async () => {
      try {
        const { fileRef } = await uploadFile(file);
        const photo = await call('workflow.uploadPhoto', { caseId, uploadRef: fileRef });
        setPhotos((list) => {
          const next = [...(list ?? []), photo];
          onChange?.(next.map((p) => p.id));
          return next;
        });
      } catch (err) {
        setRefused((r) => [...r, errorText(err)]);
      } finally {
        setBusy((n) => n - 1);
      }
    });
  };

  const remove = async (id: string): Promise<boolean> => {
    try {
      settle(await call('workflow.deletePhoto', { id }));
    } catch (err) {
      setRefused([errorText(err)]);
    }
    return false; // the list follows core's answer, not antd's own removal
  };

  const [preview, setPreview] = useState<string | null>(null);
  const fileList: UploadFile[] = (photos ?? []).map((p) => ({
    uid: p.id,
    name: p.fileName,
    status: 'done',
    thumbUrl: urls[p.id],
    url: urls[p.id],
  }));
  const byId = new Map((photos ?? []).map((p) => [p.id, p]));
  const cited = (value ?? []).length;

  return (
    <div data-testid="photo-field">
      {refused.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefused([]) }}
          role="alert"
          style={{ marginBottom: 8 }}
          title={refused.length === 1 ? refused[0] : `${refused.length} 个文件未上传：`}
          description={refused.length > 1 ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{refused.map((l, i) => <li key={i}>{l}</li>)}</ul> : undefined}
        />
      )}
      <Upload
        listType="picture-card"
        accept="image/jpeg,image/png"
        multiple
        fileList={fileList}
        beforeUpload={(file) => (add(file), setRefused([]), false)}
        onRemove={(f) => remove(f.uid)}
        onPreview={(f) => setPreview(urls[f.uid] ?? null)}
        showUploadList={{ showRemoveIcon: (f) => byId.get(f.uid)?.deletable ?? false }}
      >
        <button type="button" aria-label="拍照/选择照片" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <CameraOutlined style={{ fontSize: 20 }} />
          <div style={{ marginTop: 4 }}>{busy > 0 ? '上传中…' : '拍照/选择照片'}</div>
        </button>
      </Upload>
      <Typography.Text type="secondary">JPEG 或 PNG，每张不超过 5 MB，最多 20 张；已上传 {cited} 张，办理完成时一并登记。</Typography.Text>
      {preview && <Image style={{ display: 'none' }} src={preview} preview={{ open: true, src: preview, onOpenChange: (open) => !open && setPreview(null) }} />}
    </div>
  );
}

/** The photos a completed step cites, as thumbnails that open larger (and page through). */
export function StepPhotos({ ids }: { ids: readonly string[] }) {
  const urls = usePhotoUrls(ids);
  if (ids.length === 0) return null;
  return (
    <Image.PreviewGroup>
      {/* a block of its own, between the summary and who recorded it */}
      <Space wrap size={6} style={{ display: 'flex', margin: '4px 0' }} data-testid="step-photos">
        {ids.map((id, i) => (
          <Image
            key={id}
            {...THUMB}
            src={urls[id]}
            alt={`照片 ${i + 1}`}
            style={{ objectFit: 'cover', borderRadius: 4, background: '#f0f0f0' }}
            placeholder={<div style={{ ...THUMB, background: '#f0f0f0' }} />}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
