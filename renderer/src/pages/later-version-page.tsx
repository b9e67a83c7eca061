import { Card, Result } from 'antd';
import type { NavItem } from '../layout/nav-items';

/** A page a later version fills: it says plainly what will be here. */
export function LaterVersionPage({ item }: { item: NavItem }) {
  return (
    <Card>
      <Result icon={<span style={{ fontSize: 56, color: '#8c9bb0' }}>{item.icon}</span>} title={item.label} subTitle={item.later} />
    </Card>
  );
}
