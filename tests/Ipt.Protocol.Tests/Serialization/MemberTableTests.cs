using System.Reflection;
using System.Text.Json.Nodes;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Tests.Robustness;

namespace Ipt.Protocol.Tests.Serialization;

/// <summary>
/// The member table (CourseShapes) is the one place a member is declared: these tests fail when a
/// model property has no entry, when an entry is never exercised by the generated courses (so a
/// member left out of a shape's create function would not be caught by the round-trip tests), and
/// when the reading order of diagnostics forgets a root member.
/// </summary>
public class MemberTableTests
{
    /// <summary>Model properties that are computed, not stored, so not in the document.</summary>
    private static readonly HashSet<string> Computed = new(StringComparer.Ordinal)
    {
        "Course.EffectiveContract", "Formulation.Primary", "Session.IsHeld", "Session.IsCancelled", "Measurement.Score", "Measurement.Value",
        "InterpersonalInventory.IsEmpty", "CourseLifecycle.HasEnded", "Assessment.IsBeforeTreatment",
    };

    public static TheoryData<string> Shapes()
    {
        var data = new TheoryData<string>();
        foreach (var (type, _) in AllShapes())
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_stored_model_property_has_exactly_one_member_entry(string typeName)
    {
        var (type, names) = AllShapes().Single(s => s.Type.Name == typeName);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && !Computed.Contains($"{type.Name}.{p.Name}") && p.Name != "EqualityContract")
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Order(StringComparer.Ordinal);
        Assert.Equal(properties, names.Where(n => n != "schemaVersion").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_generated_courses_exercise_every_member_so_that_round_trips_catch_a_dropped_one()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var course in Enumerable.Range(0, 300).Select(seed => CourseGenerator.Build(seed)).Append(RoundTripTests.FullCourse()))
        {
            Collect(JsonNode.Parse(CourseJson.Default.ToUtf8Bytes(course))!, seen);
        }

        var declared = AllShapes().SelectMany(s => s.Names).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(declared.Except(seen));
    }

    [Fact]
    public void Diagnostics_sort_root_members_in_the_document_order()
    {
        Assert.Equal(CourseShapes.CourseShape.Shape.Members.Select(m => m.Name), DocumentPath.RootOrder);
    }

    private static void Collect(JsonNode node, HashSet<string> seen)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    seen.Add(name);
                    if (value is not null)
                    {
                        Collect(value, seen);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    if (item is not null)
                    {
                        Collect(item, seen);
                    }
                }

                break;
        }
    }

    private static IEnumerable<(Type Type, string[] Names)> AllShapes()
    {
        foreach (var nested in typeof(CourseShapes).GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public))
        {
            if (nested.GetField("Shape", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is { } shape)
            {
                var modelType = shape.GetType().GetGenericArguments()[0];
                var members = (System.Collections.IEnumerable)shape.GetType().GetProperty("Members")!.GetValue(shape)!;
                var names = members.Cast<object>().Select(m => (string)m.GetType().GetProperty("Name")!.GetValue(m)!).ToArray();
                yield return (modelType, names);
            }
        }
    }
}
