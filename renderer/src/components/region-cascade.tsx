import { useEffect, useRef, useState } from 'react';
import { Alert, Select, Space } from 'antd';
import type { RegionOption } from '../../../electron/core/api/contract';
import { call } from '../api/client';
import { errorText } from '../api/errors';
import { REGION_LEVEL_LABELS } from '../labels';
import { chainBelow, levelsBelow } from '../region-code';

interface Props {
  /** The fixed top of the cascade (甘肃省, or the node's own region). */
  root: { code: string; name: string };
  /** How many levels below the root to offer. */
  depth: number;
  /** Optional: the user may stop at any level, and the value is the deepest one chosen (or the root). */
  optional?: boolean;
  value?: string | null;
  onChange?: (code: string | null) => void;
  /** The chosen region's name, for texts around the cascade (Form.Item owns onChange). */
  onPicked?: (name: string | null) => void;
  selectWidth?: number;
  id?: string;
}

// Children lists never change while the app runs: fetch each parent once.
const childrenCache = new Map<string, Promise<RegionOption[]>>();
function childrenOf(parent: string): Promise<RegionOption[]> {
  let pending = childrenCache.get(parent);
  if (!pending) {
    pending = call('regions.children', { parentCode: parent });
    pending.catch(() => childrenCache.delete(parent));
    childrenCache.set(parent, pending);
  }
  return pending;
}

/** Cascading selects from a fixed region downwards, one select per level, through regions.children. */
export function RegionCascade({ root, depth, optional = false, value, onChange, onPicked, selectWidth = 160, id }: Props) {
  const [chosen, setChosen] = useState<string[]>(() => (value && value !== root.code ? chainBelow(root.code, value).slice(0, depth) : []));
  const [options, setOptions] = useState<Record<string, RegionOption[]>>({});
  const [error, setError] = useState<string | null>(null);
  const lastEmitted = useRef<string | null | undefined>(value);
  const levels = levelsBelow(root.code).slice(0, depth);

  // Follow a value set from outside (form reset, editing another user).
  useEffect(() => {
    if (value === lastEmitted.current) return;
    lastEmitted.current = value;
    setChosen(value && value !== root.code ? chainBelow(root.code, value).slice(0, depth) : []);
  }, [value, root.code, depth]);

  // The number of levels changed (the node level did): the value must be re-decided, since a
  // county chosen for a county node is not an answer for a township node.
  const previousDepth = useRef(depth);
  useEffect(() => {
    if (previousDepth.current === depth) return;
    previousDepth.current = depth;
    update(chosen.slice(0, depth));
  }, [depth]);

  const parents = [root.code, ...chosen].slice(0, depth);
  const parentsKey = parents.join(',');
  useEffect(() => {
    let cancelled = false;
    for (const parent of parentsKey.split(',')) {
      if (options[parent]) continue;
      childrenOf(parent).then(
        (list) => {
          if (!cancelled) setOptions((o) => ({ ...o, [parent]: list }));
        },
        (err: unknown) => {
          if (!cancelled) setError(errorText(err));
        },
      );
    }
    return () => {
      cancelled = true;
    };
  }, [parentsKey]);

  function update(next: string[]): void {
    setChosen(next);
    const code = optional ? (next.at(-1) ?? root.code) : next.length === depth ? (next[depth - 1] ?? null) : null;
    lastEmitted.current = code;
    onChange?.(code);
    onPicked?.(code === null ? null : code === root.code ? root.name : nameOf(code));
  }

  function nameOf(code: string): string | null {
    for (const list of Object.values(options)) {
      const hit = list.find((r) => r.code === code);
      if (hit) return hit.name;
    }
    return null;
  }

  const firstList = options[root.code];
  if (firstList && firstList.length === 0 && depth > 0) {
    return <Alert type="error" showIcon title={`未能读取${root.name}的下级行政区划，无法选择。请联系县扶贫办技术人员。`} />;
  }

  return (
    <Space wrap size={[8, 8]} id={id}>
      {levels.map((level, i) => {
        const parent = parents[i];
        const list = parent ? options[parent] : undefined;
        const enabled = i === 0 || chosen[i - 1] !== undefined;
        return (
          <Select
            key={`${level}-${parent ?? ''}`}
            aria-label={REGION_LEVEL_LABELS[level]}
            style={{ width: selectWidth }}
            placeholder={optional ? `全部${REGION_LEVEL_LABELS[level]}` : `选择${REGION_LEVEL_LABELS[level]}`}
            disabled={!enabled}
            loading={enabled && !list}
            allowClear={optional}
            showSearch={{ optionFilterProp: 'label' }}
            value={chosen[i]}
            options={(enabled ? (list ?? []) : []).map((r) => ({ value: r.code, label: r.name }))}
            onChange={(code: string | undefined) => update(code ? [...chosen.slice(0, i), code] : chosen.slice(0, i))}
            notFoundContent="没有匹配的区划"
          />
        );
      })}
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}
