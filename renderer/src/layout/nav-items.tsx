import type { ReactNode } from 'react';
import {
  AuditOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  HeartOutlined,
  IdcardOutlined,
  PrinterOutlined,
  SettingOutlined,
  SwapOutlined,
} from '@ant-design/icons';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/workbench', label: '工作台', icon: <DashboardOutlined /> },
  { path: '/registry', label: '建档立卡', icon: <IdcardOutlined /> },
  { path: '/quality', label: '数据质量', icon: <FileSearchOutlined /> },
  {
    path: '/identification',
    label: '识别退出',
    icon: <AuditOutlined />,
  },
  {
    path: '/assistance',
    label: '帮扶',
    icon: <HeartOutlined />,
  },
  {
    path: '/print',
    label: '打印中心',
    icon: <PrinterOutlined />,
  },
  {
    path: '/exchange',
    label: '数据交换',
    icon: <SwapOutlined />,
  },
  { path: '/settings', label: '系统设置', icon: <SettingOutlined /> },
];
