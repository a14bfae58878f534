// Which answers the front server (scripts/serve.ts) compresses: pages, scripts, styles and SVG,
// what a shopper's browser downloads (tens to hundreds of kB). The JSON answers of the APIs are
// not: a cart or an order is a few kB, a couple of packets either way, and under checkout load
// compressing them took about a tenth of the server's CPU, the resource a busy store runs out of
// first. Lists are paged; a proxy or CDN in front may still compress them.
const COMPRESSIBLE = /^(text\/|application\/(javascript|manifest\+json|xml|rss\+xml|atom\+xml)|image\/svg\+xml)/i;

export function worthCompressing(contentType: string | undefined): boolean {
  return contentType !== undefined && COMPRESSIBLE.test(contentType);
}
