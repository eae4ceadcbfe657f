using System.Text;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Serialization.Converters;
using NodaTime;
using NodaTime.Text;

namespace Ipt.Protocol.Tests.Serialization;

/// <summary>The allocation-free date and duration paths of the converters agree with the NodaTime patterns they stand in for.</summary>
public class IsoTextTests
{
    [Fact]
    public void Every_date_from_1900_to_2100_and_sampled_years_parse_and_format_as_the_iso_pattern_does()
    {
        var dates = new List<LocalDate>();
        for (var d = new LocalDate(1900, 1, 1); d <= new LocalDate(2100, 12, 31); d = d.PlusDays(1))
        {
            dates.Add(d);
        }

        foreach (var year in (int[])[1, 2, 4, 99, 100, 400, 999, 1000, 1600, 2400, 9998, 9999])
        {
            dates.Add(new LocalDate(year, 1, 1));
            dates.Add(new LocalDate(year, 2, CalendarSystem.Iso.GetDaysInMonth(year, 2)));
            dates.Add(new LocalDate(year, 12, 31));
        }

        Span<byte> buffer = stackalloc byte[10];
        foreach (var date in dates)
        {
            var text = LocalDatePattern.Iso.Format(date);
            Assert.True(IsoText.TryFormatDate(date, buffer));
            Assert.Equal(text, Encoding.UTF8.GetString(buffer));
            Assert.True(IsoText.TryParseDate(Encoding.UTF8.GetBytes(text), out var parsed));
            Assert.Equal(date, parsed);
        }
    }

    [Theory]
    [InlineData("2026-02-29")]
    [InlineData("2026-13-01")]
    [InlineData("2026-00-10")]
    [InlineData("2026-01-00")]
    [InlineData("2026-04-31")]
    [InlineData("0000-01-01")]
    [InlineData("2026-1-010")]
    [InlineData("2026/01/01")]
    [InlineData("+026-01-01")]
    [InlineData("2026-01-01T")]
    [InlineData("26-01-01")]
    public void Shapes_off_the_fast_path_are_left_to_the_pattern(string text)
    {
        Assert.False(IsoText.TryParseDate(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Random_date_like_text_is_never_accepted_when_the_pattern_refuses_it_or_reads_another_date()
    {
        var random = new Random(20261122);
        var alphabet = "0123456789-+ T"u8.ToArray();
        var bytes = new byte[10];
        for (var i = 0; i < 200_000; i++)
        {
            for (var k = 0; k < bytes.Length; k++)
            {
                // Mostly digits and dashes in place, so that many cases are real dates.
                bytes[k] = k is 4 or 7 && random.Next(10) > 0 ? (byte)'-' : random.Next(8) > 0 ? (byte)('0' + random.Next(k == 5 || k == 8 ? 4 : 10)) : alphabet[random.Next(alphabet.Length)];
            }

            var fast = IsoText.TryParseDate(bytes, out var date);
            var pattern = LocalDatePattern.Iso.Parse(Encoding.UTF8.GetString(bytes));
            if (fast)
            {
                Assert.True(pattern.Success, Encoding.UTF8.GetString(bytes));
                Assert.Equal(pattern.Value, date);
            }
            else if (pattern.Success)
            {
                Assert.True(pattern.Value.Year < 1, Encoding.UTF8.GetString(bytes));
            }
        }
    }

    [Fact]
    public void Every_whole_second_duration_under_a_day_formats_and_parses_as_the_normalizing_pattern_does()
    {
        Span<byte> buffer = stackalloc byte[16];
        for (var seconds = 1; seconds < 86_400; seconds++)
        {
            var duration = Duration.FromSeconds(seconds);
            var text = DurationJsonConverter.Format(duration);
            Assert.True(IsoText.TryFormatTimeDuration(duration, buffer, out var written));
            Assert.Equal(text, Encoding.UTF8.GetString(buffer[..written]));
            Assert.True(IsoText.TryParseTimeDuration(buffer[..written], out var parsed));
            Assert.Equal(duration, parsed);
        }

        Assert.False(IsoText.TryFormatTimeDuration(Duration.Zero, buffer, out _));
        Assert.False(IsoText.TryFormatTimeDuration(Duration.FromDays(1), buffer, out _));
        Assert.False(IsoText.TryFormatTimeDuration(Duration.FromMilliseconds(1500), buffer, out _));
    }

    [Theory]
    [InlineData("PT")]
    [InlineData("PT50")]
    [InlineData("PT050M")]
    [InlineData("PT50M10H")]
    [InlineData("PT5M5M")]
    [InlineData("P1D")]
    [InlineData("PT1.5H")]
    [InlineData("PT1234567S")]
    [InlineData("pt50m")]
    [InlineData("PT-5M")]
    public void Duration_shapes_off_the_fast_path_are_left_to_the_pattern(string text)
    {
        Assert.False(IsoText.TryParseTimeDuration(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Random_duration_like_text_is_never_accepted_when_the_pattern_refuses_it_or_reads_another_duration()
    {
        var random = new Random(11222026);
        var alphabet = "0123456789HMSDT.-"u8.ToArray();
        for (var i = 0; i < 200_000; i++)
        {
            var length = random.Next(1, 10);
            var bytes = new byte[length + 2];
            bytes[0] = (byte)'P';
            bytes[1] = (byte)'T';
            for (var k = 2; k < bytes.Length; k++)
            {
                bytes[k] = alphabet[random.Next(alphabet.Length)];
            }

            if (IsoText.TryParseTimeDuration(bytes, out var duration))
            {
                var pattern = PeriodPattern.NormalizingIso.Parse(Encoding.UTF8.GetString(bytes));
                Assert.True(pattern.Success, Encoding.UTF8.GetString(bytes));
                Assert.Equal(pattern.Value.ToDuration(), duration);
            }
        }
    }

    [Fact]
    public void Escaped_strings_take_the_pattern_path_and_read_the_same_values()
    {
        const string Plain = """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"date":"2026-01-05","length":"PT50M","phase":"initial"}]}""";
        const string Escaped = """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"date":"2026\u002d01-05","length":"P\u005450M","phase":"\u0069nitial"}]}""";
        var plain = CourseJson.Default.TryRead(Plain);
        var escaped = CourseJson.Default.TryRead(Escaped);
        Assert.True(plain.Success);
        Assert.True(escaped.Success, string.Join("\n", escaped.Errors));
        Assert.Equal(plain.Value, escaped.Value);
        Assert.Equal(new LocalDate(2026, 1, 5), escaped.Value!.Sessions[0].Date);
        Assert.Equal(Duration.FromMinutes(50), escaped.Value.Sessions[0].Length);
    }
}
