import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { Alert, Button, Spin, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { call } from '../../api/client';
import { Fingerprint } from '../../components/fingerprint';
import { formatDateTime } from '../../format';
import type { RegistrationFormView } from '../../../../electron/core/api/contract';
import { useLoad } from '../../api/use-load';

const PRINTING = 'printing-registration-form';

/**
 * 节点密钥登记表 on one A4 sheet: the parent compares the fingerprint on paper with the one its
 * station shows for the registration package, by phone or in person, before confirming it.
 * The printed copy is a second sheet outside the app's root, so the paper gets the sheet alone on
 * one A4 page however long the screen layout is (exchange.css, @media print).
 */
export function RegistrationFormTab() {
  const form = useLoad(() => call('exchange.registrationForm', {}));
  useEffect(() => {
    const done = () => document.body.classList.remove(PRINTING);
    window.addEventListener('afterprint', done);
    return () => {
      window.removeEventListener('afterprint', done);
      done();
    };
  }, []);

  function print(): void {
    document.body.classList.add(PRINTING);
    window.print();
  }

  if (form.error) return <Alert type="error" showIcon message={form.error} />;
  const f = form.data;
  if (!f) return <Spin />;
  return (
    <div>
      <div className="exchange-toolbar">
        <Button type="primary" icon={<PrinterOutlined />} onClick={print}>
          打印登记表
        </Button>
        <Typography.Text type="secondary">打印后签字盖章，交上级扶贫办存档；上级导入密钥登记包时逐位核对指纹。</Typography.Text>
      </div>
      <RegistrationSheet form={f} />
      {createPortal(<RegistrationSheet form={f} printCopy />, document.body)}
    </div>
  );
}

function RegistrationSheet({ form: f, printCopy = false }: { form: RegistrationFormView; printCopy?: boolean }) {
  return (
  <article className={printCopy ? 'registration-sheet registration-print-copy' : 'registration-sheet'} aria-label={f.title} aria-hidden={printCopy}>
    <h1>{f.title}</h1>
    <table className="registration-table">
      <tbody>
        <tr>
          <th>节点名称</th>
          <td>{f.nodeName}</td>
          <th>级别</th>
          <td>{f.levelLabel}</td>
        </tr>
        <tr>
          <th>节点编号</th>
          <td className="exchange-mono">{f.nodeId}</td>
          <th>区划代码</th>
          <td className="exchange-mono">{f.regionCode}</td>
        </tr>
        <tr>
          <th>行政区划</th>
          <td colSpan={3}>{f.regionPath}</td>
        </tr>
        <tr>
          <th>上级节点</th>
          <td colSpan={3}>{f.parent ? `${f.parent.name}（${f.parent.nodeId}）` : '（尚未登记）'}</td>
        </tr>
        <tr>
          <th>密钥编号</th>
          <td colSpan={3} className="exchange-mono registration-key-id">
            {f.keyIdGrouped}
          </td>
        </tr>
        <tr>
          <th>公钥指纹</th>
          <td colSpan={3} className="registration-fingerprint">
            <Fingerprint value={f.fingerprint} size="large" />
          </td>
        </tr>
        <tr>
          <th>签名公钥（minisign）</th>
          <td colSpan={3} className="exchange-mono registration-long">
            {f.minisignPublicKey}
          </td>
        </tr>
        <tr>
          <th>加密公钥（age）</th>
          <td colSpan={3} className="exchange-mono registration-long">
            {f.ageRecipient ?? '（管理员登录后使用一次数据交换即生成）'}
          </td>
        </tr>
        <tr>
          <th>建立时间</th>
          <td>{formatDateTime(f.nodeCreatedAt)}</td>
          <th>打印时间</th>
          <td>{formatDateTime(f.printedAt)}</td>
        </tr>
      </tbody>
    </table>
    <h2>核对步骤</h2>
    <ol className="registration-steps">
      {f.instructions.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ol>
    <div className="registration-signatures">
      {f.signatures.map((s) => (
        <div key={s} className="registration-signature">
          <span>{s}</span>
          <span className="registration-line" />
        </div>
      ))}
    </div>
  </article>
  );
}
