import type { ReactNode } from 'react';

/** The frame for pages shown before login: the app's name on top, one card in the middle. */
export function CenteredPage({ width, subtitle, children }: { width: number; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100%',
        boxSizing: 'border-box',
        padding: '48px 16px',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        background: 'linear-gradient(180deg, #1f4e8c 0, #1f4e8c 220px, #f2f4f7 220px)',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, color: '#fff', marginBottom: 6 }}>
        <img src="./favicon.svg" alt="" width={36} height={36} style={{ borderRadius: 6, boxShadow: '0 0 0 2px rgba(255,255,255,0.6)' }} />
        <span style={{ fontSize: 26, fontWeight: 600, letterSpacing: 2 }}>扶贫工作站</span>
      </div>
      <div style={{ color: 'rgba(255,255,255,0.85)', fontSize: 14, marginBottom: 24, minHeight: 22 }}>{subtitle}</div>
      <div
        style={{
          width: '100%',
          maxWidth: width,
          background: '#fff',
          borderRadius: 6,
          boxShadow: '0 4px 18px rgba(15, 35, 70, 0.12)',
          padding: '28px 32px',
          boxSizing: 'border-box',
        }}
      >
        {children}
      </div>
    </div>
  );
}
