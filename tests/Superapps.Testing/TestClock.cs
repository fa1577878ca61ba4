namespace Superapps.Testing;

/// <summary>A clock that stands still until a test moves it: deadlines, agenda years and SLA clocks become deterministic.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
