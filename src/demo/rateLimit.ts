// Sliding one-second window per token, like the API's default limit of about 15 requests/second.
// Rejected requests do not count against the window.

export class RateLimiter {
  private readonly hits = new Map<string, number[]>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Records a request; returns the ms until a slot frees up when the limit is exceeded, else 0. */
  take(token: string): number {
    const t = this.now()
    const recent = (this.hits.get(token) ?? []).filter((x) => x > t - this.windowMs)
    if (recent.length >= this.limit) {
      this.hits.set(token, recent)
      return Math.max(1, (recent[0] ?? t) + this.windowMs - t)
    }
    recent.push(t)
    this.hits.set(token, recent)
    return 0
  }
}
