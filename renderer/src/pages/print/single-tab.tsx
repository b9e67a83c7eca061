import { useState } from 'react';
import { Alert, Button, Col, Form, Radio, Row, Select, Space, Typography } from 'antd';
import type { DocumentKind, PreviewView, PrintCatalog, PrintScopeKind, RenderView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { saveDownload, type Saved } from '../../api/transfer';
import { useSignedIn } from '../../app/session';
import { VillageSelect } from '../assistance/village-select';
import { HouseholdSelect } from '../assistance/household-select';
import { ScopePicker } from '../quality/scope-picker';
import { DocumentPreview } from './document-preview';
import { PaperFields, YearSelect, isDesktop, paperInput, type PaperChoice } from './print-options';
import { DRAFT_NOTE } from './print-labels';

const SCOPE_LABELS: Record<PrintScopeKind, string> = { village: '按村', household: '按户', region: '乡镇或全县' };

type Scope = { kind: 'village'; code: string | null } | { kind: 'household'; id: string | null } | { kind: 'region'; code: string };

function scopeInput(s: Scope): { village: string } | { householdId: string } | { region: string } | null {
  if (s.kind === 'village') return s.code ? { village: s.code } : null;
  if (s.kind === 'household') return s.id ? { householdId: s.id } : null;
  return { region: s.code };
}

type Rendered = { view: RenderView; saved: Saved };

/** 单个文档: one document for a village, a household or a region; preview, then the PDF as a download. */
export function SingleTab({ catalog }: { catalog: PrintCatalog }) {
  const { user } = useSignedIn();
  const first = catalog.documents.find((d) => d.kind === 'cause-table') ?? catalog.documents[0]!;
  const [kind, setKind] = useState<DocumentKind>(first.kind);
  const info = catalog.documents.find((d) => d.kind === kind)!;
  const [village, setVillage] = useState<{ code: string; name: string } | null>(null);
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [region, setRegion] = useState(user.scopeCode);
  const [scopeKind, setScopeKind] = useState<PrintScopeKind>(first.scopes[0]!);
  const [year, setYear] = useState(new Date().getFullYear());
  const [paper, setPaper] = useState<PaperChoice>({ paper: first.paper, orientation: first.orientation, tile: null });
  const [busy, setBusy] = useState<'preview' | 'render' | 'direct' | null>(null);
  const [preview, setPreview] = useState<PreviewView | null>(null);
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [error, setError] = useState<string | null>(null);

  function chooseDocument(next: DocumentKind): void {
    const d = catalog.documents.find((x) => x.kind === next)!;
    setKind(next);
    setPaper({ paper: d.paper, orientation: d.orientation, tile: null });
    if (!d.scopes.includes(scopeKind)) setScopeKind(d.scopes[0]!);
    setPreview(null);
    setRendered(null);
  }

  const scope: Scope = scopeKind === 'village' ? { kind: 'village', code: village?.code ?? null } : scopeKind === 'household' ? { kind: 'household', id: householdId } : { kind: 'region', code: region };
  const target = scopeInput(scope);

  const [printed, setPrinted] = useState<boolean | null>(null);

  async function run(what: 'preview' | 'render' | 'direct'): Promise<void> {
    if (!target) return;
    setBusy(what);
    setError(null);
    setRendered(null);
    setPrinted(null);
    try {
      const request = { document: kind, scope: target, year, ...paperInput(paper, false) };
      if (what === 'preview') setPreview(await call('print.preview', request));
      else if (what === 'direct') setPrinted((await call('print.direct', request)).printed);
      else {
        const view = await call('print.render', { ...request, ...paperInput(paper, info.tileable) });
        setRendered({ view, saved: await saveDownload(view.downloadRef, view.fileName) });
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Row gutter={24}>
      <Col flex="400px">
        <Form layout="vertical" className="print-form">
          <Form.Item label="文档">
            <Select<DocumentKind>
              aria-label="文档"
              value={kind}
              onChange={chooseDocument}
              options={catalog.documents.map((d) => ({ value: d.kind, label: d.label }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item label="范围">
            <Space direction="vertical" style={{ width: '100%' }}>
              {info.scopes.length > 1 && (
                <Radio.Group aria-label="打印范围" value={scopeKind} onChange={(e) => setScopeKind(e.target.value as PrintScopeKind)} optionType="button" options={info.scopes.map((s) => ({ value: s, label: SCOPE_LABELS[s] }))} />
              )}
              {scopeKind === 'village' && <VillageSelect value={village?.code ?? null} label={village?.name} onChange={(code, name) => setVillage({ code, name })} style={{ width: '100%' }} />}
              {scopeKind === 'household' && <HouseholdSelect value={householdId} onChange={(row) => setHouseholdId(row?.id ?? null)} />}
              {scopeKind === 'region' && <ScopePicker ariaLabel="统计范围" scope={{ code: user.scopeCode, name: user.scopeName }} value={region} onChange={(code) => setRegion(code)} />}
            </Space>
          </Form.Item>
          <Form.Item label="年度">
            <YearSelect value={year} onChange={setYear} />
          </Form.Item>
          <Form.Item label="纸张" extra={info.tileable ? '大幅挂图（A2–A0）可拼贴到 A4 或 A3 纸上，带重叠、裁切线和拼贴示意图。' : undefined}>
            <PaperFields catalog={catalog} value={paper} onChange={setPaper} tileable={info.tileable} />
          </Form.Item>
          <Space>
            <Button disabled={!target} loading={busy === 'preview'} onClick={() => void run('preview')}>
              预览
            </Button>
            <Button type="primary" disabled={!target} loading={busy === 'render'} onClick={() => void run('render')}>
              生成 PDF
            </Button>
            {isDesktop() && (
              <Button disabled={!target} loading={busy === 'direct'} onClick={() => void run('direct')}>
                直接打印
              </Button>
            )}
          </Space>
          {error && <Alert style={{ marginTop: 16 }} type="error" showIcon message="未能生成" description={error} />}
          {rendered && <RenderedNote {...rendered} />}
          {printed !== null && <Alert style={{ marginTop: 16 }} type={printed ? 'success' : 'info'} showIcon message={printed ? '已送往打印机' : '已取消打印'} />}
        </Form>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {preview ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>
              {preview.title}（{preview.paper} {preview.orientation === 'portrait' ? '纵向' : '横向'}）
            </Typography.Text>
            {preview.draft && <Alert type="warning" showIcon message={DRAFT_NOTE} />}
            <DocumentPreview html={preview.html} title={preview.title} paper={preview.paper} orientation={preview.orientation} />
          </Space>
        ) : (
          <div className="print-preview-empty">
            <Typography.Text type="secondary">选择文档和范围后点「预览」，在这里查看打印效果。</Typography.Text>
          </div>
        )}
      </Col>
    </Row>
  );
}

function RenderedNote({ view, saved }: Rendered) {
  const where = saved.path ? `已保存到 ${saved.path}` : `已下载「${view.fileName}」到浏览器的下载文件夹`;
  const tiles = view.tiles ? `拼贴为 ${view.tiles.rows} 行 × ${view.tiles.cols} 列 共 ${view.tiles.rows * view.tiles.cols} 张（相邻两张重叠 ${view.tiles.overlapMm} 毫米）。` : '';
  return (
    <Alert
      style={{ marginTop: 16 }}
      type={saved.saved ? 'success' : 'info'}
      showIcon
      data-testid="render-done"
      message={saved.saved ? `已生成「${view.fileName}」（${(view.bytes / 1024).toFixed(0)} KB）` : '已取消保存'}
      description={
        <>
          {saved.saved && <div>{where}</div>}
          {tiles && <div>{tiles}</div>}
          {view.draft && <div>{DRAFT_NOTE}</div>}
        </>
      }
    />
  );
}
