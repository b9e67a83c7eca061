import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Col, Empty, Popconfirm, Row, Space, Spin, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { MapEditorView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { uploadFile } from '../../api/transfer';
import { useSignedIn } from '../../app/session';
import { VillageSelect } from '../assistance/village-select';
import { YearSelect } from './print-options';
import { MarkerBoard, type Position } from './marker-board';

/**
 * 分布图底图: a village's own sketch map (scanned or photographed) under the 贫困人口分布图, with
 * each household's marker dragged to where its house is. Without a base image the chart lays
 * households out group by group, so this tab is optional work for a village that wants it.
 */
export function MapTab() {
  const { user } = useSignedIn();
  const { message } = App.useApp();
  const canWrite = user.role !== 'viewer';
  const [village, setVillage] = useState<{ code: string; name: string } | null>(null);
  const [year, setYear] = useState(new Date().getFullYear());
  const [view, setView] = useState<MapEditorView | null>(null);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState<'upload' | 'save' | 'clear' | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Moves not saved yet: household id → its new position (null: taken off the map).
  const [moves, setMoves] = useState<Map<string, Position | null>>(new Map());

  const show = useCallback((v: MapEditorView) => {
    setView(v);
    setMoves(new Map());
  }, []);

  useEffect(() => {
    if (!village) return;
    let current = true;
    setLoading(true);
    setError(null);
    call('print.mapEditor', { villageCode: village.code, year }).then(
      (v) => current && show(v),
      (err: unknown) => current && setError(errorText(err)),
    ).finally(() => current && setLoading(false));
    return () => void (current = false);
  }, [village, year, show]);

  async function act(what: 'upload' | 'save' | 'clear', run: () => Promise<MapEditorView>, done: string): Promise<void> {
    setBusy(what);
    setError(null);
    try {
      show(await run());
      void message.success(done);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  }

  const code = village?.code;
  const upload = (file: File) =>
    code &&
    void act(
      'upload',
      async () => call('print.setMapImage', { villageCode: code, year, uploadRef: (await uploadFile(file)).fileRef }),
      '底图已导入，请把各户标记拖到所在位置',
    );
  const save = () =>
    code &&
    void act(
      'save',
      () => call('print.moveMarkers', { villageCode: code, year, moves: [...moves].map(([householdId, position]) => ({ householdId, position })) }),
      `已保存 ${moves.size} 户的标记位置`,
    );
  const clear = () => code && void act('clear', () => call('print.clearMap', { villageCode: code, year }), '底图已删除，分布图改回按村民小组排列');

  const move = (id: string, position: Position | null) => setMoves((m) => new Map(m).set(id, position));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <VillageSelect value={village?.code ?? null} label={village?.name} onChange={(c, name) => setVillage({ code: c, name })} style={{ width: 280 }} />
        <YearSelect value={year} onChange={setYear} />
        {view && canWrite && (
          <Upload accept="image/png,image/jpeg,.png,.jpg,.jpeg" showUploadList={false} beforeUpload={(file) => (upload(file), false)}>
            <Button icon={<UploadOutlined />} loading={busy === 'upload'}>
              {view.image ? '更换底图' : '导入底图'}
            </Button>
          </Upload>
        )}
        {view?.image && canWrite && (
          <>
            <Button type="primary" disabled={moves.size === 0} loading={busy === 'save'} onClick={save}>
              保存标记位置{moves.size > 0 ? `（${moves.size} 户）` : ''}
            </Button>
            <Popconfirm title="删除底图？" description="底图和所有户标记位置都会删除，分布图改回按村民小组排列。" okText="删除" cancelText="不删除" onConfirm={clear}>
              <Button danger loading={busy === 'clear'}>
                删除底图
              </Button>
            </Popconfirm>
          </>
        )}
      </Space>
      {error && <Alert type="error" showIcon message="操作未完成" description={error} />}
      {!village ? (
        <Empty description="选择一个村，查看或导入它的分布图底图" />
      ) : loading || !view ? (
        <Spin />
      ) : !view.image ? (
        <Alert
          type="info"
          showIcon
          message={`${view.villageName}还没有底图`}
          description="分布图现在按村民小组排列各户。导入村里的示意图（扫描件或照片，PNG 或 JPEG）后，可以把每户的标记拖到房屋所在位置。"
        />
      ) : (
        <MapEditor view={view} moves={moves} onMove={canWrite ? move : null} />
      )}
    </Space>
  );
}

function MapEditor({ view, moves, onMove }: { view: MapEditorView; moves: Map<string, Position | null>; onMove: ((id: string, p: Position | null) => void) | null }) {
  const image = view.image!;
  const positionOf = (h: MapEditorView['households'][number]) => (moves.has(h.id) ? moves.get(h.id)! : h.position);
  const unplaced = view.households.filter((h) => positionOf(h) === null);
  return (
    <Row gutter={16}>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <MarkerBoard
          image={image}
          households={view.households.map((h) => ({ ...h, position: positionOf(h), symbol: view.legend.symbols[`${h.status}/${h.attribute}`] ?? '' }))}
          onMove={onMove}
        />
        <Typography.Text type="secondary">
          底图「{image.fileName}」（{image.widthPx}×{image.heightPx} 像素），{image.updatedBy} 于 {image.updatedAt.slice(0, 10)} 导入。拖动标记调整位置，拖出底图即移回未放置列表。
        </Typography.Text>
      </Col>
      <Col flex="260px">
        <Legend view={view} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          未放置（{unplaced.length} 户）
        </Typography.Title>
        <Typography.Paragraph type="secondary">把户名拖到底图上。未放置的户在分布图上列在底图旁边。</Typography.Paragraph>
        <div className="print-unplaced" data-testid="unplaced">
          {unplaced.length === 0 && <Typography.Text type="secondary">各户都已放在底图上。</Typography.Text>}
          {unplaced.map((h) => (
            <div
              key={h.id}
              className="print-unplaced-item"
              draggable={onMove !== null}
              onDragStart={(e) => e.dataTransfer.setData('text/household', h.id)}
            >
              <img src={view.legend.symbols[`${h.status}/${h.attribute}`]} alt="" width={14} height={14} /> {h.headName}（{h.groupName}，{h.persons} 人）
            </div>
          ))}
        </div>
      </Col>
    </Row>
  );
}

function Legend({ view }: { view: MapEditorView }) {
  const { statuses, attributes, symbols } = view.legend;
  return (
    <div className="print-legend" aria-label="图例">
      {statuses.map((s) => (
        <div key={s.status}>
          <img src={symbols[`${s.status}/general`]} alt="" width={14} height={14} /> {s.label}
        </div>
      ))}
      {attributes.map((a) => (
        <div key={a.attribute}>
          <img src={symbols[`poor/${a.attribute}`]} alt="" width={14} height={14} /> {a.label}
        </div>
      ))}
    </div>
  );
}
