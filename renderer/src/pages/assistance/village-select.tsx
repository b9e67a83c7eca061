import { useEffect, useState } from 'react';
import { TreeSelect } from 'antd';
import type { RegionNode } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { shortVillageName } from '../registry/region-labels';

interface Option {
  id: string;
  pId?: string;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}

const optionOf = (r: RegionNode, parent: string | undefined): Option => ({
  id: r.code,
  ...(parent ? { pId: parent } : {}),
  value: r.code,
  title: r.level === 'village' ? shortVillageName(r.name) : r.name,
  isLeaf: r.level === 'village' || !r.hasChildren,
  selectable: r.level === 'village',
});

interface Props {
  value: string | null;
  /** The label of the current value, when it is not loaded yet */
  label?: string | undefined;
  onChange(code: string, name: string): void;
  placeholder?: string;
  ariaLabel?: string;
  style?: React.CSSProperties;
}

/** Picks one village of the caller's scope: townships open to their villages (registry.tree). */
export function VillageSelect({ value, label, onChange, placeholder = '选择村', ariaLabel = '村', style }: Props) {
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    let cancelled = false;
    call('registry.tree', { parentCode: null }).then(
      (children) => !cancelled && setOptions(children.map((c) => optionOf(c, undefined))),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);

  async function loadData(node: { value?: string | number }): Promise<void> {
    const code = String(node.value);
    if (options.some((o) => o.pId === code)) return;
    const children = await call('registry.tree', { parentCode: code });
    setOptions((list) => [...list, ...children.map((c) => optionOf(c, code))]);
  }

  const known = value === null || options.some((o) => o.value === value);
  return (
    <TreeSelect
      aria-label={ariaLabel}
      style={{ width: 260, ...style }}
      treeDataSimpleMode
      treeData={known || !label ? options : [...options, { id: value!, value: value!, title: label, isLeaf: true, selectable: true }]}
      value={value ?? undefined}
      placeholder={placeholder}
      loadData={loadData}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      notFoundContent="没有匹配的村"
      onChange={(code: string) => onChange(code, options.find((o) => o.value === code)?.title ?? code)}
    />
  );
}
