using System.Text.Json;

namespace Ipt.Protocol.Tests.Cli;

public class ProtocolsAndPlanCommandTests
{
    [Fact]
    public void Protocols_lists_every_variant_with_its_parameters()
    {
        var (code, output, error) = CliRunner.Run("protocols");
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("ipt            Standard IPT for depression", output, StringComparison.Ordinal);
        Assert.Contains("phases Initial 1–3, Middle 4–13, Termination 14–16", output, StringComparison.Ordinal);
        Assert.Contains("source MUFSON (M)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Protocols_as_json_is_machine_readable()
    {
        var (code, output, _) = CliRunner.Run("protocols", "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var protocols = json.RootElement.GetProperty("protocols");
        Assert.Equal(11, protocols.GetArrayLength());
        var standard = protocols[0];
        Assert.Equal("ipt", standard.GetProperty("id").GetString());
        Assert.Equal(16, standard.GetProperty("sessions").GetProperty("default").GetInt32());
        Assert.Equal("P1W", standard.GetProperty("cadence").GetString());
        Assert.Equal("H", standard.GetProperty("citation").GetProperty("confidence").GetString());
    }

    [Fact]
    public void Plan_prints_the_sessions_with_dates_and_phases()
    {
        var (code, output, _) = CliRunner.Run("plan", "--protocol", "ipt", "--start", "2026-12-07");
        Assert.Equal(0, code);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal("Standard IPT for depression (ipt): 16 sessions", lines[0]);
        Assert.Equal(18, lines.Length);
        Assert.Equal("  1  2026-12-07  Mon  Initial       Individual  50 min", lines[2]);
        Assert.Equal(" 16  2027-03-22  Mon  Termination   Individual  50 min", lines[17]);
    }

    [Fact]
    public void Plan_skips_holidays_and_honours_the_session_count()
    {
        var (code, output, _) = CliRunner.Run("plan", "--protocol", "ipt", "--start", "2026-12-07", "--sessions", "12", "--skip", "2026-12-28", "--skip", "2027-01-04");
        Assert.Equal(0, code);
        Assert.Contains("  4  2027-01-11  Mon  Middle", output, StringComparison.Ordinal);
        Assert.Contains("(ipt): 12 sessions", output, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-12-28", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_refuses_an_unknown_protocol_with_exit_code_2()
    {
        var (code, _, error) = CliRunner.Run("plan", "--protocol", "ipt-x", "--start", "2026-12-07");
        Assert.Equal(2, code);
        Assert.Contains("unknown protocol 'ipt-x'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_refuses_a_session_count_outside_the_protocol_range()
    {
        var (code, _, error) = CliRunner.Run("plan", "--protocol", "ipt", "--start", "2026-12-07", "--sessions", "30");
        Assert.Equal(2, code);
        Assert.Contains("outside ipt's range of 12 to 16", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-13-07")]
    [InlineData("7 Dec 2026")]
    public void Plan_refuses_a_malformed_date_with_exit_code_2(string date)
    {
        var (code, _, error) = CliRunner.Run("plan", "--protocol", "ipt", "--start", date);
        Assert.Equal(2, code);
        Assert.Contains("is not a date in the form YYYY-MM-DD", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_options_are_bad_usage()
    {
        var (code, _, error) = CliRunner.Run("plan", "--protocol", "ipt");
        Assert.Equal(2, code);
        Assert.Contains("--start", error, StringComparison.Ordinal);
    }
}
