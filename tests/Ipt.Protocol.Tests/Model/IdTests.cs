namespace Ipt.Protocol.Tests.Model;

public class IdTests
{
    [Theory]
    [InlineData("ipt")]
    [InlineData("ipt-g-who")]
    [InlineData("phq-9")]
    [InlineData("a1-b2-c3")]
    public void Kebab_case_ids_are_accepted(string text)
    {
        Assert.Equal(text, ProtocolId.From(text).Value);
        Assert.Equal(text, TechniqueId.From(text).ToString());
        Assert.True(InstrumentId.TryFrom(text, out var id));
        Assert.Equal(text, id.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("IPT")]
    [InlineData("-ipt")]
    [InlineData("ipt-")]
    [InlineData("ipt--b")]
    [InlineData("ipt b")]
    [InlineData("ipt_b")]
    public void Malformed_kebab_case_ids_are_rejected(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => ProtocolId.From(text));
        Assert.Equal("value", ex.ParamName);
        Assert.False(TechniqueId.TryFrom(text, out _));
    }

    [Fact]
    public void Kebab_ids_longer_than_64_characters_are_rejected()
    {
        Assert.True(ProtocolId.TryFrom(new string('a', 64), out _));
        Assert.False(ProtocolId.TryFrom(new string('a', 65), out _));
    }

    [Theory]
    [InlineData("p1")]
    [InlineData("Partner_1")]
    [InlineData("mother-in-law")]
    public void Person_and_goal_ids_accept_ascii_tokens(string text)
    {
        Assert.Equal(text, PersonId.From(text).Value);
        Assert.Equal(text, GoalId.From(text).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("p 1")]
    [InlineData("Zoë")]
    [InlineData("p1.2")]
    public void Person_ids_reject_anything_else(string text)
    {
        Assert.Throws<ArgumentException>(() => PersonId.From(text));
        Assert.False(PersonId.TryFrom(text, out _));
        Assert.False(PersonId.TryFrom(null, out _));
    }

    [Fact]
    public void Ids_compare_by_value_and_order_ordinally()
    {
        Assert.Equal(PersonId.From("p1"), PersonId.From("p1"));
        Assert.NotEqual(PersonId.From("p1"), PersonId.From("P1"));
        Assert.True(TechniqueId.From("a") < TechniqueId.From("b"));
        Assert.True(TechniqueId.From("b") >= TechniqueId.From("a"));
        Assert.Equal(string.Empty, default(PersonId).Value);
    }
}
