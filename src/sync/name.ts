const SYSTEMS: Record<string, string> = {
  mac: 'macOS',
  win: 'Windows',
  linux: 'Linux',
  android: 'Android',
  cros: 'ChromeOS',
  openbsd: 'OpenBSD',
  fuchsia: 'Fuchsia',
};

/** What a browser is called in the list until the shopper types a name: "Firefox · Windows". */
export function defaultDeviceName(browserName: string, os: string): string {
  return `${browserName} · ${SYSTEMS[os] ?? os}`;
}
