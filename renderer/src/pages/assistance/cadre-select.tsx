import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import type { CadreView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';

interface Props {
  value: string | null;
  /** The label of the current value before the list is loaded */
  label?: string | undefined;
  onChange(cadre: CadreView | null): void;
  ariaLabel?: string;
  style?: React.CSSProperties;
  /** Show how many households each already helps */
  showQuota?: boolean;
}

const labelOf = (c: CadreView, showQuota: boolean): string =>
  `${c.name}（${c.unitName}${showQuota ? `，在帮 ${c.activeHouseholds}${c.quota === null ? '' : `/${c.quota}`} 户` : ''}）`;

/** Finds a registered cadre by name or phone (assistance.listCadres), 50 at a time. */
export function CadreSelect({ value, label, onChange, ariaLabel = '帮扶责任人', style, showQuota = false }: Props) {
  const [rows, setRows] = useState<CadreView[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  async function search(query: string): Promise<void> {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const page = await call('assistance.listCadres', { offset: 0, limit: 50, ...(query ? { query } : {}) });
      if (ticket === latest.current) setRows(page.rows);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }
  useEffect(() => void search(''), []);

  const options = rows.map((c) => ({ value: c.id, label: labelOf(c, showQuota) }));
  if (value && label && !rows.some((c) => c.id === value)) options.unshift({ value, label });
  return (
    <Select
      aria-label={ariaLabel}
      style={{ width: 300, ...style }}
      showSearch={{ filterOption: false, onSearch: (q) => void search(q.trim()) }}
      loading={loading}
      value={value ?? undefined}
      placeholder="输入姓名或电话查找"
      options={options}
      notFoundContent={loading ? '查找中……' : '没有找到，请先在「帮扶责任人」登记'}
      onChange={(id: string) => onChange(rows.find((c) => c.id === id) ?? null)}
      popupMatchSelectWidth={false}
    />
  );
}
