import type { ReactNode } from 'react';
import { Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';

/** A detail page's card title: the way back to its list, then the title. */
export function BackTitle({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Space>
      <Link to={to} aria-label="返回">
        <ArrowLeftOutlined />
      </Link>
      {children}
    </Space>
  );
}
