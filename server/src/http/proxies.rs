//! Who the client is when the server sits behind a proxy. The server speaks HTTP/1.1 only,
//! so a team serves it over HTTPS (and HTTP/2) through a proxy in front, and then every
//! connection comes from that proxy's address. Without being told, the server would count
//! the whole team as one client: every customer in one contact-form budget, and one agent's
//! first load (about 60 API calls and the console's parts, which a proxy forwards over as
//! many connections) over the per-address connection cap, its parts refused.
//!
//! The operator names the proxies it may believe (`--trusted-proxy`, addresses or ranges).
//! A connection from one of them is capped only with all the others, and each of its
//! requests is counted for the client its `X-Forwarded-For` names: read from the right (what
//! the nearest proxy added), skipping the trusted proxies, the first address that is not
//! one. What a client writes itself sits to the left of that and is never believed, and the
//! header from anyone else is ignored: a client cannot choose whose budget it spends.

use axum::http::HeaderMap;
use ipnet::IpNet;
use std::net::IpAddr;

/// At most this many ranges: a team has a proxy or two, a cloud balancer a range or two.
/// A fixed array keeps [`crate::Limits`] `Copy`.
pub const MOST: usize = 8;

/// The proxies whose `X-Forwarded-For` is believed. None by default: the server is then
/// reached directly, and the header is anybody's words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies {
    ranges: [Option<IpNet>; MOST],
}

impl TrustedProxies {
    /// Comma-separated addresses (`10.0.0.5`, `::1`) or ranges (`10.0.0.0/8`); empty: none.
    pub fn parse(list: &str) -> Result<TrustedProxies, String> {
        let mut proxies = TrustedProxies::default();
        let entries = list.split(',').map(str::trim).filter(|e| !e.is_empty());
        for (index, entry) in entries.enumerate() {
            let range = entry
                .parse::<IpNet>()
                .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| {
                    format!("“{entry}” is not an address or a range like 10.0.0.0/8 or fd00::/8")
                })?;
            if range.prefix_len() == 0 {
                // Every address a proxy: any client could name whom it is counted as.
                return Err(format!(
                    "“{entry}” would trust every address; name the proxies or their network"
                ));
            }
            let slot = proxies.ranges.get_mut(index).ok_or_else(|| {
                format!("at most {MOST} trusted proxies or ranges; name a wider range instead")
            })?;
            *slot = Some(range.trunc());
        }
        Ok(proxies)
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.iter().all(Option::is_none)
    }

    /// Whether `address` is one of the trusted proxies.
    pub fn trusts(&self, address: IpAddr) -> bool {
        let address = address.to_canonical();
        self.ranges
            .iter()
            .flatten()
            .any(|range| range.contains(&address))
    }

    /// The client a request from `peer` comes from: `peer` itself, unless `peer` is a
    /// trusted proxy and `X-Forwarded-For` names who it forwards for.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let mut client = peer.to_canonical();
        if !self.trusts(client) {
            return client;
        }
        // Several header lines are one list, in order.
        let hops = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|line| line.to_str().ok())
            .flat_map(|line| line.split(','))
            .collect::<Vec<_>>();
        for hop in hops.iter().rev() {
            // A hop that is not an address ends the walk: nobody is believed past it, and
            // the request counts for the last proxy that spoke (its budget, not a chosen one).
            let Some(address) = address_of(hop) else {
                return client;
            };
            client = address;
            if !self.trusts(address) {
                return address;
            }
        }
        client
    }
}

/// The ranges, comma-separated, as `--trusted-proxy` takes them (for the start's log).
impl std::fmt::Display for TrustedProxies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (index, range) in self.ranges.iter().flatten().enumerate() {
            let separator = if index == 0 { "" } else { ", " };
            write!(f, "{separator}{range}")?;
        }
        Ok(())
    }
}

/// An address as proxies write it: `203.0.113.7`, `2001:db8::1`, `[2001:db8::1]`, and
/// some add the port (`203.0.113.7:51234`, `[2001:db8::1]:51234`).
fn address_of(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    if let Ok(address) = hop.parse::<IpAddr>() {
        return Some(address.to_canonical());
    }
    if let Ok(socket) = hop.parse::<std::net::SocketAddr>() {
        return Some(socket.ip().to_canonical());
    }
    let bracketed = hop.strip_prefix('[')?.strip_suffix(']')?;
    bracketed.parse::<IpAddr>().ok().map(|a| a.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn forwarded(lines: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for line in lines {
            headers.append("x-forwarded-for", HeaderValue::from_str(line).unwrap());
        }
        headers
    }

    #[test]
    fn addresses_and_ranges_are_read_and_anything_else_is_refused_in_words() {
        let proxies = TrustedProxies::parse(" 10.0.0.5, 192.168.0.0/16,fd00::/8 ,").unwrap();
        assert!(proxies.trusts(ip("10.0.0.5")));
        assert!(!proxies.trusts(ip("10.0.0.6")));
        assert!(proxies.trusts(ip("192.168.44.2")));
        assert!(proxies.trusts(ip("fd12::1")));
        // A connection to a dual-stack socket shows an IPv4 proxy as a mapped address.
        assert!(proxies.trusts(ip("::ffff:10.0.0.5")));
        assert_eq!(proxies.to_string(), "10.0.0.5/32, 192.168.0.0/16, fd00::/8");
        assert!(TrustedProxies::parse("").unwrap().is_empty());
        let error = TrustedProxies::parse("10.0.0.5, proxy.internal").unwrap_err();
        assert!(
            error.contains("“proxy.internal” is not an address"),
            "{error}"
        );
        for everyone in ["0.0.0.0/0", "::/0"] {
            let error = TrustedProxies::parse(everyone).unwrap_err();
            assert!(error.contains("would trust every address"), "{error}");
        }
        let nine = (1..=9).map(|i| format!("10.0.0.{i}")).collect::<Vec<_>>();
        let error = TrustedProxies::parse(&nine.join(",")).unwrap_err();
        assert!(error.contains("at most 8"), "{error}");
    }

    #[test]
    fn without_trusted_proxies_the_header_is_anybodys_words() {
        let none = TrustedProxies::default();
        let headers = forwarded(&["203.0.113.7"]);
        assert_eq!(
            none.client(ip("198.51.100.1"), &headers),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn a_request_through_a_trusted_proxy_counts_for_the_client_it_forwards_for() {
        let proxies = TrustedProxies::parse("10.0.0.5").unwrap();
        let headers = forwarded(&["203.0.113.7"]);
        assert_eq!(proxies.client(ip("10.0.0.5"), &headers), ip("203.0.113.7"));
        // The same header from anyone else is ignored.
        assert_eq!(
            proxies.client(ip("198.51.100.1"), &headers),
            ip("198.51.100.1")
        );
        // No header: the proxy itself (a health check).
        assert_eq!(
            proxies.client(ip("10.0.0.5"), &HeaderMap::new()),
            ip("10.0.0.5")
        );
    }

    #[test]
    fn what_the_client_wrote_itself_is_never_believed() {
        let proxies = TrustedProxies::parse("10.0.0.0/24").unwrap();
        // The client sent "1.2.3.4"; the proxy appended who connected to it.
        let headers = forwarded(&["1.2.3.4, 203.0.113.7"]);
        assert_eq!(proxies.client(ip("10.0.0.5"), &headers), ip("203.0.113.7"));
        // Two proxies in a row, each trusted, and header lines split across lines.
        let headers = forwarded(&["1.2.3.4, 203.0.113.7", "10.0.0.9"]);
        assert_eq!(proxies.client(ip("10.0.0.5"), &headers), ip("203.0.113.7"));
        // A hop that is not an address stops the walk at the last proxy that spoke.
        let headers = forwarded(&["203.0.113.7, unknown"]);
        assert_eq!(proxies.client(ip("10.0.0.5"), &headers), ip("10.0.0.5"));
    }

    #[test]
    fn addresses_are_read_as_proxies_write_them() {
        for (written, meant) in [
            ("203.0.113.7:51234", "203.0.113.7"),
            ("[2001:db8::1]", "2001:db8::1"),
            ("[2001:db8::1]:443", "2001:db8::1"),
            (" 2001:db8::2 ", "2001:db8::2"),
            ("::ffff:203.0.113.9", "203.0.113.9"),
        ] {
            assert_eq!(address_of(written), Some(ip(meant)), "{written}");
        }
        assert_eq!(address_of("_hidden"), None);
        assert_eq!(address_of(""), None);
    }
}
