using System.Text;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Tests.Serialization;

/// <summary>Bad input never escapes as an exception: damaged copies of a real document are all reported as errors.</summary>
public class RobustnessTests
{
    private static readonly byte[] Standard = CourseJson.Default.ToUtf8Bytes(SampleCourses.Standard);

    [Fact]
    public void Every_truncation_of_a_document_is_an_error_not_an_exception()
    {
        for (var length = 0; length < Standard.Length; length += 3)
        {
            var result = CourseJson.Default.TryRead(Standard.AsSpan(0, length));
            Assert.False(result.Success);
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        }
    }

    [Theory]
    [InlineData((byte)'0')]
    [InlineData((byte)'"')]
    [InlineData((byte)'{')]
    [InlineData((byte)'x')]
    [InlineData((byte)0xC3)]
    public void Replacing_any_byte_never_throws(byte replacement)
    {
        var copy = (byte[])Standard.Clone();
        for (var i = 0; i < copy.Length; i += 5)
        {
            var original = copy[i];
            copy[i] = replacement;
            _ = CourseJson.Default.TryRead(copy);
            copy[i] = original;
        }
    }

    [Theory]
    [InlineData("P99999999D")]
    [InlineData("PT99999999999H")]
    [InlineData("PT-50M")]
    [InlineData("P1Y")]
    [InlineData("")]
    public void Extreme_durations_are_errors(string length)
    {
        var json = $$$"""{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","length":"{{{length}}}"}]}""";
        var error = Assert.Single(CourseJson.Default.TryRead(json).Errors);
        Assert.Equal("$.sessions[0].length", error.Path.ToString());
    }

    [Theory]
    [InlineData("P0W")]
    [InlineData("P-1W")]
    [InlineData("PT1H")]
    [InlineData("")]
    public void Frequencies_that_are_not_positive_whole_periods_are_errors(string frequency)
    {
        var json = $$$"""{"schemaVersion":2,"protocol":"ipt","contract":{"sessions":12,"frequency":"{{{frequency}}}"}}""";
        var error = Assert.Single(CourseJson.Default.TryRead(json).Errors);
        Assert.Equal("$.contract.frequency", error.Path.ToString());
    }

    [Fact]
    public void A_huge_string_document_is_refused_without_encoding_it()
    {
        var json = new string('x', IptJsonLimits.DefaultMaxDocumentBytes + 1);
        Assert.Equal("$", Assert.Single(CourseJson.Default.TryRead(json).Errors).Path.ToString());
        Assert.False(CourseJson.Default.TryRead(Encoding.UTF8.GetBytes("{}")).Success);
    }
}
