import { Layout, Menu, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSignedIn } from '../app/session';
import { NODE_LEVEL_LABELS } from '../labels';
import { NAV_ITEMS } from './nav-items';
import { UserMenu } from './user-menu';

const { Sider, Header, Content } = Layout;

export function MainLayout() {
  const { status } = useSignedIn();
  const navigate = useNavigate();
  const location = useLocation();
  const node = status.node;
  const selected = NAV_ITEMS.find((item) => location.pathname === item.path || location.pathname.startsWith(`${item.path}/`));

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Sider width={184} style={{ borderRight: '1px solid #e5e8ee' }}>
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            gap: 10,
            padding: '0 18px',
            borderBottom: '1px solid #e5e8ee',
          }}
        >
          <img src="./favicon.svg" alt="" width={26} height={26} />
          <span style={{ fontSize: 17, fontWeight: 600, color: '#1f4e8c', whiteSpace: 'nowrap' }}>扶贫工作站</span>
        </div>
        <Menu
          mode="inline"
          aria-label="主导航"
          style={{ borderInlineEnd: 'none', paddingTop: 6 }}
          selectedKeys={selected ? [selected.path] : []}
          items={NAV_ITEMS.map((item) => ({ key: item.path, icon: item.icon, label: item.label }))}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
            borderBottom: '1px solid #e5e8ee',
          }}
        >
          <div data-testid="node-banner" style={{ display: 'flex', alignItems: 'baseline', gap: 14, minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
              {node.name}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 14 }}>
              {NODE_LEVEL_LABELS[node.level]} · {node.regionPath}
            </Typography.Text>
          </div>
          <UserMenu />
        </Header>
        <Content style={{ padding: 20 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
