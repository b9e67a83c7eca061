import { Button, Popconfirm, Space } from 'antd';

interface Props {
  /** False for viewers and for records of another level: shows 只读. */
  editable: boolean;
  onEdit(): void;
  /** Only records nothing else refers to can be deleted; null hides the button. */
  deleteConfirm: string | null;
  onDelete(): void;
}

/** The 编辑 / 删除 links at the end of a register's row. */
export function RowActions({ editable, onEdit, deleteConfirm, onDelete }: Props) {
  if (!editable) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>只读</span>;
  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={onEdit}>
        编辑
      </Button>
      {deleteConfirm !== null && (
        <Popconfirm title={deleteConfirm} okText="删除" cancelText="取消" onConfirm={onDelete}>
          <Button type="link" size="small" danger>
            删除
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
