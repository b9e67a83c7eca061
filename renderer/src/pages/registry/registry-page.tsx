import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Input, Select, Space, Tooltip, Typography } from 'antd';
import { DownloadOutlined, MenuFoldOutlined, MenuUnfoldOutlined, PlusOutlined, ReloadOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import type { RuleCount } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useSignedIn } from '../../app/session';
import { levelOfCode } from '../../region-code';
import { RegionTree, type TreeSelection } from './region-tree';
import { HouseholdTable } from './household-table';
import { useHouseholdPages, type HouseholdQuery } from './use-household-pages';
import { useCodeTables } from './use-code-tables';
import { REGISTRY_LAST_YEAR } from './form-fields';
import { ImportDialog } from './import-dialog';
import { ExportDialog } from './export-dialog';

const SEARCH_DELAY_MS = 300;
const TREE_KEY = 'fupin.registry.tree';

/** The list's state lives in the address, so 「户列表」 on a household page comes back to it. */
const PARAMS = ['region', 'group', 'path', 'q', 'exit', 'attr', 'cause', 'year', 'quality'] as const;
type Param = (typeof PARAMS)[number];

function yearOptions(): { value: number; label: string }[] {
  const last = Math.max(new Date().getFullYear(), REGISTRY_LAST_YEAR);
  const out = [];
  for (let y = last; y >= 2014; y--) out.push({ value: y, label: `${y} 年` });
  return out;
}

/**
 * 建档立卡: the region tree beside the household list. Search takes a name or its beginning,
 * pinyin initials (zjg), any member's ID number or a household number.
 */
export function RegistryPage() {
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const latestParams = useRef(params);
  latestParams.current = params;
  const get = (p: Param) => params.get(p);
  const scope = { code: user.scopeCode, name: user.scopeName };
  const selection: TreeSelection = { code: get('region') ?? scope.code, group: get('group'), path: get('path') ?? scope.name };
  const [typed, setTyped] = useState(get('q') ?? '');
  const [treeOpen, setTreeOpen] = useState(() => localStorage.getItem(TREE_KEY) !== 'folded');
  const toggleTree = (open: boolean) => {
    localStorage.setItem(TREE_KEY, open ? 'open' : 'folded');
    setTreeOpen(open);
  };
  // The rules with findings, for the 质量问题 filter: read when the filter is first opened (the
  // summary counts over every finding of the county, which the list does not need to wait for).
  const [rules, setRules] = useState<RuleCount[] | null>(null);
  const [xlsxDialog, setXlsxDialog] = useState<'import' | 'export' | null>(null);
  // Bumped after an import so the tree reads its household counts again.
  const [treeVersion, setTreeVersion] = useState(0);
  const year = get('year') ? Number(get('year')) : null;
  const { tables } = useCodeTables(year ?? REGISTRY_LAST_YEAR);

  // From the latest address, not this render's: the debounced search may land after a click,
  // and react-router's functional setter would hand it the address of the render it came from.
  function update(next: Partial<Record<Param, string | null>>): void {
    const out = new URLSearchParams(latestParams.current);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === undefined || v === '') out.delete(k);
      else out.set(k, v);
    }
    latestParams.current = out;
    setParams(out, { replace: true });
  }

  // Debounced search: the list follows the box 300 ms after the last key.
  useEffect(() => {
    if ((get('q') ?? '') === typed.trim()) return;
    const timer = window.setTimeout(() => update({ q: typed.trim() }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);

  const quality = get('quality');
  const loadRules = () => {
    if (rules !== null) return;
    setRules([]);
    call('quality.summary', {}).then(
      (s) => setRules(s.rules.filter((r) => r.households > 0)),
      () => setRules(null),
    );
  };
  useEffect(() => {
    if (quality?.startsWith('rule:')) loadRules();
  }, [quality]);

  const query: HouseholdQuery = useMemo(
    () => ({
      regionCode: selection.code,
      ...(get('q') ? { query: get('q')! } : {}),
      ...(get('exit') ? { exitStatus: get('exit')! } : {}),
      ...(get('attr') ? { attribute: get('attr')! } : {}),
      ...(get('cause') ? { mainCause: get('cause')! } : {}),
      ...(year ? { dataYear: year } : {}),
      ...(quality?.startsWith('sev:') ? { severity: quality.slice(4) as 'error' | 'warning' } : {}),
      ...(quality?.startsWith('rule:') ? { qualityRule: quality.slice(5) } : {}),
    }),
    [params],
  );
  const list = useHouseholdPages(query, selection.group);
  const level = levelOfCode(selection.code);
  const canCreate = user.role !== 'viewer' && level === 'village';
  const filtered = PARAMS.some((p) => !['region', 'group', 'path'].includes(p) && get(p));

  const codeSelect = (param: Param, field: string, name: string, placeholder: string, width: number) => (
    <Select
      aria-label={name}
      allowClear
      placeholder={placeholder}
      style={{ width }}
      value={get(param) ?? undefined}
      onChange={(v: string | undefined) => update({ [param]: v ?? null })}
      options={(tables?.[field] ?? []).map((o) => ({ value: o.code, label: o.label }))}
      popupMatchSelectWidth={false}
    />
  );

  return (
    <div style={{ display: 'flex', gap: 12, height: 'calc(100vh - 96px)', minHeight: 420 }}>
      {treeOpen ? (
        <Card
          size="small"
          title="区划"
          extra={<Button type="text" size="small" aria-label="收起区划" icon={<MenuFoldOutlined />} onClick={() => toggleTree(false)} />}
          style={{ width: 200, flex: 'none', display: 'flex', flexDirection: 'column' }}
          styles={{ body: { flex: 1, overflow: 'auto', padding: '8px 4px' } }}
        >
          <RegionTree
            key={treeVersion}
            scope={scope}
            selected={selection}
            onSelect={(s) => update({ region: s.code === scope.code && !s.group ? null : s.code, group: s.group, path: s.code === scope.code && !s.group ? null : s.path })}
          />
        </Card>
      ) : (
        // On a 1024-pixel screen the list needs the room: the tree folds to a strip.
        <Card size="small" style={{ width: 40, flex: 'none' }} styles={{ body: { padding: '8px 4px', textAlign: 'center' } }}>
          <Tooltip title="展开区划" placement="right">
            <Button type="text" size="small" aria-label="展开区划" icon={<MenuUnfoldOutlined />} onClick={() => toggleTree(true)} />
          </Tooltip>
        </Card>
      )}
      <Card size="small" style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }} styles={{ body: { flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0, gap: 8 } }}>
        <Space wrap size={[8, 8]}>
          <Input
            aria-label="查找户"
            allowClear
            prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
            placeholder="姓名、拼音首字母、证件号或户编号"
            style={{ width: 236 }}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onPressEnter={() => update({ q: typed.trim() })}
          />
          {codeSelect('exit', 'exitStatus', '脱贫状态', '脱贫状态', 108)}
          {codeSelect('attr', 'attribute', '贫困户属性', '户属性', 104)}
          {codeSelect('cause', 'cause', '主要致贫原因', '致贫原因', 108)}
          <Select<number>
            aria-label="年度"
            allowClear
            placeholder="年度"
            style={{ width: 86 }}
            value={year ?? undefined}
            onChange={(v) => update({ year: v ? String(v) : null })}
            options={yearOptions()}
          />
          <Select
            aria-label="数据质量问题"
            allowClear
            placeholder="质量问题"
            style={{ width: 112 }}
            popupMatchSelectWidth={false}
            value={quality ?? undefined}
            onChange={(v: string | undefined) => update({ quality: v ?? null })}
            onOpenChange={(open) => open && loadRules()}
            options={[
              { value: 'sev:error', label: '有错误的户' },
              { value: 'sev:warning', label: '有提醒的户' },
              ...(rules && rules.length > 0
                ? [
                    {
                      label: '按规则（上次检查）',
                      options: rules.map((r) => ({ value: `rule:${r.ruleCode}`, label: `${r.ruleCode} ${r.title}（${r.households} 户）` })),
                    },
                  ]
                : []),
            ]}
          />
          {filtered && (
            <Button
              onClick={() => {
                setTyped('');
                update({ q: null, exit: null, attr: null, cause: null, year: null, quality: null });
              }}
            >
              清除条件
            </Button>
          )}
        </Space>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <Typography.Text strong>{selection.path}</Typography.Text>
          <Typography.Text type="secondary" data-testid="household-total">
            {list.total === null ? '正在查询…' : `共 ${list.total.toLocaleString('zh-CN')} 户`}
          </Typography.Text>
          <span style={{ marginLeft: 'auto', display: 'flex', gap: 8 }}>
            <Button icon={<ReloadOutlined />} onClick={list.reload}>
              刷新
            </Button>
            {user.role !== 'viewer' && (
              <Button icon={<UploadOutlined />} onClick={() => setXlsxDialog('import')}>
                导入 xlsx
              </Button>
            )}
            {/* anyone may export the village forms they can read; the households' file (unmasked
                ID numbers) is offered to administrators only, as core enforces */}
            <Button icon={<DownloadOutlined />} onClick={() => setXlsxDialog('export')}>
              导出 xlsx
            </Button>
            {level === 'village' && (
              <Button onClick={() => navigate(`/registry/village/${selection.code}`)}>村信息</Button>
            )}
            {user.role !== 'viewer' && (
              <Tooltip title={canCreate ? undefined : '请先在左侧选择一个村'}>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  disabled={!canCreate}
                  onClick={() => {
                    const q = new URLSearchParams({ village: selection.code, ...(selection.group ? { group: selection.group } : {}) });
                    navigate(`/registry/new?${q.toString()}`, { state: { from: `${location.pathname}${location.search}` } });
                  }}
                >
                  新建户
                </Button>
              </Tooltip>
            )}
          </span>
        </div>
        <HouseholdTable
          rows={list.rows}
          loading={list.loading}
          error={list.error}
          showTownship={levelOfCode(selection.code) === 'county'}
          need={list.need}
          onOpen={(row) => navigate(`/registry/household/${row.id}`, { state: { from: `${location.pathname}${location.search}` } })}
        />
      </Card>
      {xlsxDialog === 'import' && (
        <ImportDialog
          scopeName={scope.name}
          onClose={() => setXlsxDialog(null)}
          onImported={() => {
            list.reload();
            setTreeVersion((v) => v + 1);
          }}
        />
      )}
      {xlsxDialog === 'export' && <ExportDialog regionCode={selection.code} regionPath={selection.path} canExportHouseholds={user.role === 'admin'} onClose={() => setXlsxDialog(null)} />}
    </div>
  );
}
