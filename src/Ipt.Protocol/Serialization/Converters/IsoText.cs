using System.Buffers;
using System.Buffers.Text;
using NodaTime;

namespace Ipt.Protocol.Serialization.Converters;

/// <summary>
/// Allocation-free parsing and formatting of the common shapes of ISO-8601 dates and durations in
/// UTF-8. Each method handles only a plain shape whose value is certain (<c>YYYY-MM-DD</c> with a
/// year from 1; <c>PT…H…M…S</c> with whole numbers without leading zeros) and otherwise returns
/// <see langword="false"/>, so that the caller falls back to the NodaTime pattern: the results are
/// exactly those of the patterns (checked against them by the tests).
/// </summary>
internal static class IsoText
{
    /// <summary>
    /// The most digits in one duration component on the fast path: 999,999 hours, minutes and seconds
    /// together stay within NodaTime's 64-bit nanosecond total, so the pattern path would not overflow either.
    /// </summary>
    private const int MaxComponentDigits = 6;

    /// <summary>Parses <c>YYYY-MM-DD</c> (year 0001–9999, a real ISO calendar date).</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> utf8, out LocalDate date)
    {
        date = default;
        if (utf8.Length != 10 || utf8[4] != (byte)'-' || utf8[7] != (byte)'-')
        {
            return false;
        }

        if (!TryDigits(utf8[..4], out var year) || !TryDigits(utf8.Slice(5, 2), out var month) || !TryDigits(utf8.Slice(8, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    /// <summary>Formats a date of year 0001–9999 as <c>YYYY-MM-DD</c> into 10 bytes.</summary>
    public static bool TryFormatDate(LocalDate date, Span<byte> utf8)
    {
        if (date.Calendar != CalendarSystem.Iso || date.Year is < 1 or > 9999 || utf8.Length < 10)
        {
            return false;
        }

        Utf8Formatter.TryFormat(date.Year, utf8, out _, new StandardFormat('D', 4));
        utf8[4] = (byte)'-';
        Utf8Formatter.TryFormat(date.Month, utf8[5..], out _, new StandardFormat('D', 2));
        utf8[7] = (byte)'-';
        Utf8Formatter.TryFormat(date.Day, utf8[8..], out _, new StandardFormat('D', 2));
        return true;
    }

    /// <summary>Parses <c>PT[nH][nM][nS]</c> (at least one component, in that order; whole numbers without leading zeros).</summary>
    public static bool TryParseTimeDuration(ReadOnlySpan<byte> utf8, out Duration duration)
    {
        duration = default;
        if (utf8.Length < 4 || utf8[0] != (byte)'P' || utf8[1] != (byte)'T')
        {
            return false;
        }

        long seconds = 0;
        var rest = utf8[2..];
        var order = 0;
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && (uint)(rest[digits] - '0') <= 9)
            {
                digits++;
            }

            if (digits == 0 || digits > MaxComponentDigits || digits == rest.Length || (digits > 1 && rest[0] == (byte)'0'))
            {
                return false;
            }

            TryDigits(rest[..digits], out var value);
            var (unit, rank) = rest[digits] switch
            {
                (byte)'H' => (3600L, 1),
                (byte)'M' => (60L, 2),
                (byte)'S' => (1L, 3),
                _ => (0L, 0),
            };
            if (rank <= order)
            {
                return false;
            }

            order = rank;
            seconds += value * unit;
            rest = rest[(digits + 1)..];
        }

        duration = Duration.FromSeconds(seconds);
        return true;
    }

    /// <summary>Formats a duration of whole seconds from 1 second to under a day as <c>PT[nH][nM][nS]</c> (the normalized ISO form).</summary>
    public static bool TryFormatTimeDuration(Duration duration, Span<byte> utf8, out int written)
    {
        written = 0;
        if (duration <= Duration.Zero || duration >= Duration.FromDays(1) || duration.SubsecondNanoseconds != 0 || utf8.Length < 11)
        {
            return false;
        }

        var total = (int)duration.TotalSeconds;
        utf8[0] = (byte)'P';
        utf8[1] = (byte)'T';
        written = 2;
        Append(utf8, ref written, total / 3600, (byte)'H');
        Append(utf8, ref written, total / 60 % 60, (byte)'M');
        Append(utf8, ref written, total % 60, (byte)'S');
        return true;

        static void Append(Span<byte> utf8, ref int written, int value, byte unit)
        {
            if (value == 0)
            {
                return;
            }

            Utf8Formatter.TryFormat(value, utf8[written..], out var digits);
            written += digits;
            utf8[written++] = unit;
        }
    }

    private static bool TryDigits(ReadOnlySpan<byte> utf8, out int value)
    {
        value = 0;
        foreach (var b in utf8)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }
}
