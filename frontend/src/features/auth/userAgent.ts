/** A short name for a browser's User-Agent ("Chrome · Windows", "WeChat · iOS"); the raw text otherwise. */
export function describeUserAgent(userAgent: string): string {
  const browser = [
    ['MicroMessenger/', 'WeChat'],
    ['Edg/', 'Edge'],
    ['Firefox/', 'Firefox'],
    ['Chrome/', 'Chrome'],
    ['Safari/', 'Safari'],
  ].find(([marker]) => userAgent.includes(marker as string))?.[1];
  const system = [
    ['iPhone', 'iOS'],
    ['iPad', 'iPadOS'],
    ['Android', 'Android'],
    ['Windows', 'Windows'],
    ['Mac OS X', 'macOS'],
    ['Linux', 'Linux'],
  ].find(([marker]) => userAgent.includes(marker as string))?.[1];
  return browser && system ? `${browser} · ${system}` : userAgent;
}
