namespace BillCenter.Bench.Payments;

/// <summary>The posting job's clock: a minute after today's cut-off, so the payments dated today are due.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
