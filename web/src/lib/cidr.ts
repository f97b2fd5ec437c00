// CIDR blocks, IPv4 or IPv6: trusted networks (SEC-02: MFA is required outside them) and the source
// addresses that identify a carrier's inbound calls (TEL-02).

function isIpv4(address: string): boolean {
  const parts = address.split('.');
  return (
    parts.length === 4 &&
    parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && String(Number(p)) === p)
  );
}

function isIpv6(address: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(address) || address.includes(':::')) return false;
  const doubleColons = address.split('::').length - 1;
  if (doubleColons > 1) return false;
  let groups = address.split(':').filter((g, i, all) => g !== '' || (i > 0 && i < all.length - 1));
  // an embedded IPv4 tail (::ffff:10.0.0.1) counts as two groups
  const last = groups[groups.length - 1];
  if (last && last.includes('.')) {
    if (!isIpv4(last)) return false;
    groups = [...groups.slice(0, -1), '0', '0'];
  }
  if (groups.some((g) => g !== '' && !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = groups.filter((g) => g !== '').length;
  return doubleColons === 1 ? count < 8 : count === 8;
}

/** `10.0.0.0/8`, `192.168.1.10/32`, `2001:db8::/32`. A bare address is not accepted: the prefix says what is meant. */
export function isCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.trim().split('/');
  if (!address || prefix === undefined || rest.length > 0 || !/^\d{1,3}$/.test(prefix)) return false;
  const bits = Number(prefix);
  if (isIpv4(address)) return bits <= 32;
  if (isIpv6(address)) return bits <= 128;
  return false;
}
