import { useCallback, useEffect, useState } from 'react';
import { Alert, Spin, Tree } from 'antd';
import type { DataNode, EventDataNode } from 'antd/es/tree';
import type { HouseholdRow, RegionNode } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { levelOfCode } from '../../region-code';
import { shortVillageName } from './region-labels';
import './registry.css';

/** What the tree selects: a region, or a 村民小组 of a village. */
export interface TreeSelection {
  code: string;
  group: string | null;
  /** 「会师镇 › 南关村 › 一社」, for the list's heading. */
  path: string;
}

interface TreeNode extends DataNode {
  key: string;
  code: string;
  group: string | null;
  path: string;
  level: RegionNode['level'] | 'group';
  households: number;
  persons: number;
  children?: TreeNode[];
}

const GROUP_SEP = '|';
const keyOf = (code: string, group: string | null) => (group === null ? code : `${code}${GROUP_SEP}${group}`);

function label(name: string, households: number, persons: number, fullName = name) {
  return (
    <span style={{ display: 'flex', justifyContent: 'space-between', gap: 6, width: '100%', minWidth: 0 }} title={`${fullName}：${households} 户，${persons} 人`}>
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0, color: households === 0 ? 'rgba(0,0,0,0.4)' : undefined }}>{name}</span>
      <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, whiteSpace: 'nowrap' }}>{households.toLocaleString('zh-CN')} 户</span>
    </span>
  );
}

function regionNode(r: RegionNode, parentPath: string): TreeNode {
  const name = r.level === 'village' ? shortVillageName(r.name) : r.name;
  const path = parentPath ? `${parentPath} › ${name}` : name;
  return {
    key: r.code,
    code: r.code,
    group: null,
    path,
    level: r.level,
    households: r.households,
    persons: r.persons,
    title: label(name, r.households, r.persons, r.name),
    // A village's 村民小组 come from its households; one without households has none to show.
    isLeaf: r.level === 'village' ? r.households === 0 : !r.hasChildren,
  };
}

/** The 村民小组 of a village, counted from its households (the API lists no groups). */
async function groupsOf(village: TreeNode): Promise<TreeNode[]> {
  const counts = new Map<string, { households: number; persons: number }>();
  for (let offset = 0; ; offset += 500) {
    const page = await call('registry.searchHouseholds', { regionCode: village.code, offset, limit: 500 });
    page.rows.forEach((row: HouseholdRow) => {
      const name = row.groupName ?? '';
      const c = counts.get(name) ?? { households: 0, persons: 0 };
      c.households += 1;
      c.persons += row.memberCount;
      counts.set(name, c);
    });
    if (page.rows.length < 500 || offset + 500 >= page.total) break;
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
    .map(([name, c]) => ({
      key: keyOf(village.code, name),
      code: village.code,
      group: name,
      path: `${village.path} › ${name || '未填村民小组'}`,
      level: 'group' as const,
      households: c.households,
      persons: c.persons,
      title: label(name || '未填村民小组', c.households, c.persons),
      isLeaf: true,
    }));
}

async function searchTotals(code: string): Promise<{ households: number; persons: number }> {
  let households = 0;
  let persons = 0;
  for (let offset = 0; ; offset += 500) {
    const page = await call('registry.searchHouseholds', { regionCode: code, offset, limit: 500 });
    households = page.total;
    persons += page.rows.reduce((t, r) => t + r.memberCount, 0);
    if (page.rows.length < 500 || offset + 500 >= page.total) break;
  }
  return { households, persons };
}

function replaceChildren(nodes: TreeNode[], key: string, children: TreeNode[]): TreeNode[] {
  return nodes.map((n) => (n.key === key ? { ...n, children, isLeaf: children.length === 0 } : n.children ? { ...n, children: replaceChildren(n.children, key, children) } : n));
}

interface Props {
  scope: { code: string; name: string };
  selected: TreeSelection;
  onSelect(selection: TreeSelection): void;
  /** Bumped after a save elsewhere, to re-read the counts. */
  refreshKey?: number;
}

/**
 * 区划树: the user's scope, then townships → villages → 村民小组, each with its household count.
 * Children load when a node is opened (registry.tree), so a county of 300 villages opens at once.
 */
export function RegionTree({ scope, selected, onSelect, refreshKey }: Props) {
  const [nodes, setNodes] = useState<TreeNode[] | null>(null);
  const [expanded, setExpanded] = useState<string[]>([scope.code]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const rootLevel = levelOfCode(scope.code);
    call('registry.tree', { parentCode: null }).then(
      (children) => {
        if (cancelled) return;
        if (rootLevel === 'village') {
          // A village clerk: the village itself, its 村民小组 below.
          void searchTotals(scope.code).then((t) => {
            if (!cancelled) setNodes([regionNode({ code: scope.code, name: scope.name, level: 'village', households: t.households, persons: t.persons, hasChildren: false }, '')]);
          });
          return;
        }
        const households = children.reduce((t, c) => t + c.households, 0);
        const persons = children.reduce((t, c) => t + c.persons, 0);
        setNodes([
          {
            key: scope.code,
            code: scope.code,
            group: null,
            path: scope.name,
            level: rootLevel,
            households,
            persons,
            title: label(scope.name, households, persons),
            children: children.map((c) => regionNode(c, '')),
          },
        ]);
      },
      (err: unknown) => !cancelled && setError(errorText(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [scope.code, scope.name, refreshKey]);

  const loadData = useCallback(async (event: EventDataNode<TreeNode>) => {
    const node = event as unknown as TreeNode;
    if (node.children) return;
    try {
      const children = node.level === 'village' ? await groupsOf(node) : (await call('registry.tree', { parentCode: node.code })).map((c) => regionNode(c, node.path));
      setNodes((list) => (list ? replaceChildren(list, node.key, children) : list));
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!nodes) return <Spin size="small" style={{ display: 'block', margin: 16 }} />;
  return (
    <Tree<TreeNode>
      className="fupin-region-tree"
      aria-label="区划树"
      blockNode
      showLine={{ showLeafIcon: false }}
      treeData={nodes}
      loadData={loadData}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys as string[])}
      selectedKeys={[keyOf(selected.code, selected.group)]}
      onSelect={(_, info) => {
        const n = info.node as unknown as TreeNode;
        onSelect({ code: n.code, group: n.group, path: n.path });
      }}
    />
  );
}
