import { fingerprintGroups } from '../format';

/** The key fingerprint in groups of four, large enough to read aloud over the phone. */
export function Fingerprint({ value, size = 'normal' }: { value: string; size?: 'normal' | 'large' }) {
  return (
    <div className={`fingerprint fingerprint-${size}`} data-testid="key-fingerprint" aria-label={`密钥指纹 ${value}`}>
      {fingerprintGroups(value).map((group, i) => (
        <span key={i} className="fingerprint-group">
          {group}
        </span>
      ))}
    </div>
  );
}
