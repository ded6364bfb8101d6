/** Hex SHA-256 of the salted order reference: dedupes orders without storing their numbers. */
export async function hashOrderRef(salt: string, platform: string, ref: string): Promise<string> {
  const data = new TextEncoder().encode(`${salt}\u0000${platform}\u0000${ref.trim()}`);
  const digest = await crypto.subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
