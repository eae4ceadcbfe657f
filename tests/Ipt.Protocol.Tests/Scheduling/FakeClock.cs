using NodaTime;

namespace Ipt.Protocol.Tests.Scheduling;

/// <summary>A clock fixed at one instant (NodaTime.Testing is not obtainable from the package feed).</summary>
internal sealed class FakeClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;

    public static FakeClock AtUtc(int year, int month, int day, int hour = 12) =>
        new(Instant.FromUtc(year, month, day, hour, 0));
}
