import { useRef, useState } from 'react';
import { Select } from 'antd';
import type { HouseholdRow } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { shortVillageName } from '../registry/region-labels';

interface Props {
  value: string | null;
  onChange(row: HouseholdRow | null): void;
}

/** Finds a household of the caller's scope by the head's name, pinyin initials, ID or household number. */
export function HouseholdSelect({ value, onChange }: Props) {
  const [rows, setRows] = useState<HouseholdRow[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  async function search(query: string): Promise<void> {
    if (query === '') return setRows([]);
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const page = await call('registry.searchHouseholds', { query, offset: 0, limit: 30 });
      if (ticket === latest.current) setRows(page.rows);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }

  return (
    <Select
      aria-label="户"
      style={{ width: 360 }}
      showSearch={{ filterOption: false, onSearch: (q) => void search(q.trim()) }}
      loading={loading}
      value={value ?? undefined}
      placeholder="输入户主姓名、拼音首字母或证件号码"
      options={rows.map((r) => ({ value: r.id, label: `${r.headName ?? '（户主未填）'}（${r.townshipName} ${shortVillageName(r.villageName)}，${r.memberCount} 人）` }))}
      notFoundContent={loading ? '查找中……' : '输入后查找'}
      onChange={(id: string) => onChange(rows.find((r) => r.id === id) ?? null)}
      popupMatchSelectWidth={false}
    />
  );
}
