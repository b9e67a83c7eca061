import { useEffect, useState } from 'react';
import { TreeSelect } from 'antd';
import type { RegionNode } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { levelOfCode } from '../../region-code';
import { shortVillageName } from '../registry/region-labels';

interface Option {
  id: string;
  pId?: string;
  value: string;
  title: string;
  isLeaf: boolean;
}

const optionOf = (r: RegionNode, parent: string): Option => ({
  id: r.code,
  pId: parent,
  value: r.code,
  title: `${r.level === 'village' ? shortVillageName(r.name) : r.name}（${r.households.toLocaleString('zh-CN')} 户）`,
  isLeaf: r.level === 'village' || !r.hasChildren,
});

interface Props {
  scope: { code: string; name: string };
  value: string;
  onChange(code: string, name: string): void;
  ariaLabel?: string;
}

/**
 * 检查范围: the user's own scope (the county, or the township of a township clerk), a township or
 * a village below it, from registry.tree, each with its household count.
 */
export function ScopePicker({ scope, value, onChange, ariaLabel = '检查范围' }: Props) {
  const [options, setOptions] = useState<Option[]>([{ id: scope.code, value: scope.code, title: scope.name, isLeaf: levelOfCode(scope.code) === 'village' }]);

  useEffect(() => {
    let cancelled = false;
    call('registry.tree', { parentCode: null }).then(
      (children) => {
        if (cancelled) return;
        const total = children.reduce((t, c) => t + c.households, 0);
        setOptions([
          { id: scope.code, value: scope.code, title: `${scope.name}（${total.toLocaleString('zh-CN')} 户）`, isLeaf: children.length === 0 },
          ...children.map((c) => optionOf(c, scope.code)),
        ]);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [scope.code, scope.name]);

  async function loadData(node: { value?: string | number }): Promise<void> {
    const code = String(node.value);
    if (code === scope.code || options.some((o) => o.pId === code)) return;
    const children = await call('registry.tree', { parentCode: code });
    setOptions((list) => [...list, ...children.map((c) => optionOf(c, code))]);
  }

  return (
    <TreeSelect
      aria-label={ariaLabel}
      style={{ width: 300 }}
      treeDataSimpleMode
      treeData={options}
      treeDefaultExpandedKeys={[scope.code]}
      value={value}
      loadData={loadData}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      notFoundContent="没有匹配的区划"
      onChange={(code: string) => onChange(code, (options.find((o) => o.value === code)?.title ?? code).replace(/（[\d,]+ 户）$/, ''))}
    />
  );
}
