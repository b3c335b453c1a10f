namespace Tongban.IntegrationTests.Infrastructure;

/// <summary>A clock the tests move by hand. Starts on a Monday morning in Suining (09:00 +08:00).</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset to) => _now = to.ToUniversalTime();
}
