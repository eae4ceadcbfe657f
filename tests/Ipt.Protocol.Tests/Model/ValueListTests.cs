namespace Ipt.Protocol.Tests.Model;

public class ValueListTests
{
    [Fact]
    public void Lists_with_equal_items_in_the_same_order_are_equal()
    {
        ValueList<int> a = [1, 2, 3];
        ValueList<int> b = ValueList.From(new List<int> { 1, 2, 3 });
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Order_and_content_matter()
    {
        ValueList<int> a = [1, 2, 3];
        Assert.NotEqual(a, [3, 2, 1]);
        Assert.NotEqual(a, [1, 2]);
        Assert.True(a != [1, 2]);
    }

    [Fact]
    public void The_default_value_is_the_empty_list()
    {
        ValueList<string> list = default;
        Assert.True(list.Count == 0);
        Assert.True(list.IsEmpty);
        Assert.Equal(ValueList<string>.Empty, list);
        Assert.Equal(list, []);
        Assert.Empty(list);
        Assert.True(list.AsImmutableArray().IsEmpty);
    }

    [Fact]
    public void Derivations_leave_the_original_unchanged()
    {
        ValueList<string> original = ["a", "b"];
        var added = original.Add("c");
        var replaced = original.SetItem(0, "z");
        var removed = original.RemoveAt(1);
        Assert.Equal(["a", "b"], original);
        Assert.Equal(["a", "b", "c"], added);
        Assert.Equal(["z", "b"], replaced);
        Assert.Equal(["a"], removed);
    }

    [Fact]
    public void Null_items_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ValueList.Create<string>(["a", null!]));
        Assert.Throws<ArgumentNullException>(() => ValueList<string>.Empty.Add(null!));
    }

    [Fact]
    public void Indexing_outside_the_list_throws()
    {
        ValueList<int> list = [1];
        Assert.Throws<ArgumentOutOfRangeException>(() => list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }

    [Fact]
    public void ToString_prints_the_count_only()
    {
        ValueList<string> list = ["secret note"];
        Assert.Equal("[1 item]", list.ToString());
        Assert.Equal("[2 items]", list.Add("another").ToString());
    }

    [Fact]
    public void Contains_and_IndexOf_compare_by_value()
    {
        ValueList<TechniqueId> list = [TechniqueId.From("role-play"), TechniqueId.From("clarification")];
        Assert.True(list.Contains(TechniqueId.From("clarification")));
        Assert.Equal(1, list.IndexOf(TechniqueId.From("clarification")));
        Assert.Equal(-1, list.IndexOf(TechniqueId.From("decision-analysis")));
    }
}
