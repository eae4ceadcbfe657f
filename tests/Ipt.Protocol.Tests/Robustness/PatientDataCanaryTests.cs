using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rendering;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Techniques;
using Ipt.Protocol.Tests.Cli;
using Ipt.Protocol.Tests.Docs;

namespace Ipt.Protocol.Tests.Robustness;

/// <summary>
/// Patient data never leaks: every free-text field and person label is filled with a unique marker
/// (found by reflection over the model, so a new free-text member is covered without editing this
/// test), then everything the library writes is searched for the marker: diagnostics, reports,
/// advice, every <c>ToString()</c>, exception messages, reader errors, pictures and the tool.
/// </summary>
public class PatientDataCanaryTests
{
    /// <summary>The marker: letters only, so no escaping (JSON, XML, SVG) can hide it; every value starts with it.</summary>
    private const string Marker = "QZXCANARY";

    /// <summary>String members of model types that are not patient data: reference data the library itself defines.</summary>
    private static readonly HashSet<string> NotPatientData = new(StringComparer.Ordinal)
    {
        "Instrument.Name",
        "Instrument.LoincPanel",
        "Instrument.LoincTotal",
        "ScoreBand.Name",
        "Citation.Locator",
        "Source.Key",
        "Source.Reference",
    };

    /// <summary>
    /// Tool command lines to check; <c>{course}</c> is the path of a course document full of markers.
    /// Commands that read a course (validate, suggest, render) are added here as they arrive; only
    /// <c>--show-labels</c> may print a label.
    /// </summary>
    public static TheoryData<string> CommandLines => new()
    {
        "protocols",
        "protocols --format json",
        "rules",
        "rules --format json",
        "schema course",
        "plan --protocol ipt --start 2026-01-05",
        "techniques",
        "validate {course}",
        "validate {course} --suggest",
        "validate {course} --format json",
        "validate {course} --format sarif",
        "suggest {course}",
        "suggest {course} --format json",
        "render {course}",
        "render {course} --picture closeness-circle",
        "render {course} --picture closeness-circle --people initials",
        "render {course} --picture measure",
        "render {course} --out {dir}/circle.svg --picture closeness-circle",
        "render {course} --out {dir}/report.html",
        "validate {course} --format fhir",
        "export fhir {course}",
        "export fhir {course} --inventory --transaction",
        "export fhir {course} --out {dir}/bundle.json",
        "export fhir --protocol ipt",
    };

    private static readonly Lazy<List<Course>> Courses = new(BuildCourses);

    [Fact]
    public void Every_free_text_member_of_every_model_type_is_filled_with_the_marker()
    {
        var filled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var course in Courses.Value)
        {
            foreach (var node in Graph(course))
            {
                foreach (var property in TextProperties(node.GetType()))
                {
                    if (property.GetValue(node) is string text && text.StartsWith(Marker, StringComparison.Ordinal))
                    {
                        filled.Add(Key(property));
                    }
                }
            }
        }

        var everyTextMember = typeof(Course).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(Course).Namespace)
            .SelectMany(TextProperties)
            .Select(Key)
            .Where(k => !NotPatientData.Contains(k))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(everyTextMember.Except(filled));

        // The known list, so that the reflection cannot silently find nothing.
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "Session.Notes", "Renegotiation.Reason", "Formulation.Notes", "Goal.Description", "GoalStep.Description",
                "InterpersonalEvent.WhatHappened", "InterpersonalEvent.Pattern", "InventoryPerson.Label", "InventoryPerson.SharedActivities",
                "InventoryPerson.Positives", "InventoryPerson.Negatives", "InventoryPerson.PatientExpectations", "InventoryPerson.OtherExpectations",
                "InventoryPerson.CanDiscuss", "InventoryPerson.CannotDiscuss", "InventoryPerson.Conflicts", "InventoryPerson.WouldLikeToChange",
            },
            filled);
    }

    [Fact]
    public void Diagnostics_and_reports_never_contain_patient_data()
    {
        var validators = new[]
        {
            CourseValidator.Default,
            new CourseValidator(new ValidatorOptions { Techniques = TechniqueCatalogue.BuiltIn }),
        };
        var messages = 0;
        foreach (var course in Courses.Value)
        {
            foreach (var validator in validators)
            {
                var reports = new List<ValidationReport> { validator.Validate(course) };
                if (!ProtocolRegistry.BuiltIn.Contains(course.Protocol))
                {
                    reports.Add(validator.Validate(course, BuiltInProtocols.Standard));
                }

                foreach (var report in reports)
                {
                    AssertClean(report.ToString(), "ValidationReport.ToString");
                    foreach (var (key, values) in report.ToDictionary())
                    {
                        AssertClean(key, "ToDictionary key");
                        AssertClean(string.Join("\n", values), "ToDictionary value");
                    }

                    foreach (var d in report.Diagnostics)
                    {
                        messages++;
                        AssertClean(d.Message, d.Id + " message");
                        AssertClean(d.ToString(), d.Id + " ToString");
                        AssertClean(d.Path.ToString(), d.Id + " path");
                        AssertClean(d.Descriptor.ToString(), d.Id + " descriptor");
                        foreach (var argument in d.Arguments)
                        {
                            AssertClean(argument.Name + "=" + argument.Value + " " + argument, d.Id + " argument");
                        }
                    }
                }
            }
        }

        Assert.True(messages > 500, $"only {messages} diagnostics: the canary courses should break many rules");
    }

    [Fact]
    public void Advice_never_contains_patient_data()
    {
        var advisor = TechniqueAdvisor.Default;
        var suggestions = 0;
        foreach (var course in Courses.Value.Where(c => advisor.Protocols.Contains(c.Protocol)))
        {
            var last = course.Sessions.Select(s => s.Number).DefaultIfEmpty(0).Max();
            foreach (var number in Enumerable.Range(1, (int)Math.Min((long)last + 1, 40)))
            {
                var result = advisor.Suggest(course, number, top: 20);
                AssertClean(result.ToString(), "AdviceResult.ToString");
                foreach (var s in result.Suggestions)
                {
                    suggestions++;
                    AssertClean(s.Rationale, "rationale");
                    AssertClean(s.ToString(), "Suggestion.ToString");
                }
            }
        }

        Assert.True(suggestions > 1000, $"only {suggestions} suggestions");
    }

    [Fact]
    public void No_model_ToString_contains_patient_data()
    {
        var count = 0;
        foreach (var course in Courses.Value)
        {
            foreach (var node in Graph(course))
            {
                count++;
                AssertClean(node.ToString() ?? string.Empty, node.GetType().Name + ".ToString");
            }
        }

        Assert.True(count > 1000);
    }

    [Fact]
    public void Exceptions_from_model_invariants_never_contain_patient_data()
    {
        var breaches = 0;
        foreach (var node in Graph(Courses.Value[0]).DistinctBy(n => n.GetType()))
        {
            foreach (var property in TextProperties(node.GetType()).Where(p => p.SetMethod is not null))
            {
                foreach (var bad in (string[])[Marker + new string('x', IptJsonLimits.DefaultMaxStringLength), Marker + new string(' ', 20_000)])
                {
                    var copy = Clone(node);
                    var ex = Assert.ThrowsAny<Exception>(() =>
                    {
                        try
                        {
                            property.SetValue(copy, bad);
                        }
                        catch (TargetInvocationException tie) when (tie.InnerException is not null)
                        {
                            throw tie.InnerException;
                        }
                    });
                    breaches++;
                    AssertClean(ex.Message, Key(property) + " exception");
                    AssertClean(ex.ToString(), Key(property) + " exception");
                }
            }
        }

        // Constructors that take text.
        var tooLong = Marker + new string('x', IptJsonLimits.DefaultMaxStringLength);
        AssertClean(Assert.ThrowsAny<ArgumentException>(() => new Goal(GoalId.From("g1"), tooLong)).ToString(), "Goal constructor");
        AssertClean(Assert.ThrowsAny<ArgumentException>(() => new GoalStep { Description = tooLong }).ToString(), "GoalStep");
        var person = new InventoryPerson(PersonId.From("p1"), Relationship.Friend) { Label = Marker + "A", Ring = 3 };
        AssertClean(Assert.ThrowsAny<ArgumentException>(() => new InterpersonalInventory([person, person with { Label = Marker + "B" }])).ToString(), "duplicate person");
        AssertClean(Assert.ThrowsAny<ArgumentException>(() => new InterpersonalInventory([person], rings: 2)).ToString(), "ring outside");
        Assert.True(breaches >= 17 * 2);
    }

    public static TheoryData<string> MisplacedMarkers => new()
    {
        // The marker where a value of another type, an id or an enum belongs, or in a member the format does not know.
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":"QZXCANARY","phase":"initial"}]}""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"QZXCANARY"}]}""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","status":"QZXCANARY"}]}""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","tasks":["QZXCANARY"]}]}""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","date":"QZXCANARY"}]}""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","length":"QZXCANARY"}]}""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","techniques":["QZXCANARY Smith"]}]}""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","measures":[{"instrument":"QZXCANARY!","total":3}]}]}""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","notes":5}]}""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","notes":["QZXCANARY"]}]}""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","notes":"QZXCANARY","notes":"QZXCANARY2"}]}""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","comment":"QZXCANARY"}]}""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","comment":{"text":"QZXCANARY"}}]}""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","notes":"QZXCANARY""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","notes":"QZXCANARY"} QZXCANARY]}""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","notes":"QZXCANARY	tab"}]}""",
        """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":QZXCANARY,"phase":"initial"}]}""",
        """{"schemaVersion":"QZXCANARY","protocol":"ipt"}""",
        """{"schemaVersion":2,"protocol":"QZXCANARY Smith"}""",
        """{"schemaVersion":2,"protocol":"ipt","setting":"QZXCANARY"}""",
        """{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"QZXCANARY Smith","relationship":"friend"}]}}""",
        """{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"p1","label":"QZXCANARY","relationship":"QZXCANARY"}]}}""",
        """{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"p1","label":"QZXCANARY","relationship":"friend","ring":9}]}}""",
        """{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"p1","label":"QZXCANARY","relationship":"friend"},{"id":"p1","label":"QZXCANARY2","relationship":"friend"}]}}""",
        """{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"p1","label":"","relationship":"friend","positives":"QZXCANARY"}]}}""",
        """{"schemaVersion":2,"protocol":"ipt","formulation":{"areas":[{"area":"grief","persons":["QZXCANARY Smith"]}],"notes":"QZXCANARY"}}""",
        """{"schemaVersion":2,"protocol":"ipt","goals":[{"id":"QZXCANARY Smith","description":"QZXCANARY"}]}""",
        """{"schemaVersion":2,"protocol":"ipt","goals":[{"id":"g1","description":"QZXCANARY","steps":[{"description":"QZXCANARY","doneAtSession":"QZXCANARY"}]}]}""",
        """{"schemaVersion":2,"protocol":"ipt","diary":[{"date":"QZXCANARY","whatHappened":"QZXCANARY"}]}""",
        """{"schemaVersion":2,"protocol":"ipt","diary":[{"date":"2026-01-05","persons":["QZXCANARY Smith"],"emotions":["QZXCANARY"],"mood":11}]}""",
        """{"schemaVersion":2,"protocol":"ipt","renegotiations":[{"atSession":0,"reason":"QZXCANARY","frequency":"QZXCANARY"}]}""",
        """{"schemaVersion":2,"protocol":"ipt","contract":{"sessions":"QZXCANARY"}}""",
        """["QZXCANARY"]""",
        "\"QZXCANARY\"",
    };

    [Theory]
    [MemberData(nameof(MisplacedMarkers))]
    public void Reader_errors_never_contain_patient_data(string json)
    {
        foreach (var reader in (CourseJson[])[CourseJson.Default, new(new IptJsonLimits { MaxStringLength = 5 })])
        {
            var result = reader.TryRead(json);
            Assert.False(result.Success);
            AssertErrorsClean(result.Errors, json);
        }

        // Invalid UTF-8 inside the marker's text.
        var bytes = Encoding.UTF8.GetBytes(json);
        var at = bytes.AsSpan().IndexOf("CANARY"u8);
        if (at > 0)
        {
            var broken = bytes[..at].Concat(new byte[] { 0xC3 }).Concat(bytes[at..]).ToArray();
            AssertErrorsClean(CourseJson.Default.TryRead(broken).Errors, json + " (invalid UTF-8)");
        }
    }

    [Fact]
    public void The_unknown_member_name_is_the_one_thing_a_path_repeats()
    {
        // Member names are the format's vocabulary, not a place for patient data: an unknown one is named in the path.
        var result = CourseJson.Default.TryRead("""{"schemaVersion":2,"protocol":"ipt","QZXCANARY":"QZXCANARY value"}""");
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.QZXCANARY", error.Path.ToString());
        Assert.DoesNotContain("value", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> CatalogueMarkers => new()
    {
        { "\"id\": \"diary-review\"", "\"id\": \"QZXCANARY Smith\"" },
        { "\"group\": \"iptStructure\"", "\"group\": \"QZXCANARY\"" },
        { "\"initial\": 0.3", "\"initial\": \"QZXCANARY\"" },
        { "\"initial\": 0.3", "\"QZXCANARY\": 0.3" },
        { "\"sources\": [\"SEEDS\"]", "\"sources\": [\"QZXCANARY\", 5]" },
        { "\"confidence\": \"medium\"", "\"confidence\": \"QZXCANARY\"" },
        { "\"name\": \"Diary review\"", "\"name\": \"QZXCANARY\", \"name\": \"QZXCANARY\"" },
        { "\"name\": \"Diary review\"", "\"name\": \"QZXCANARY" },
        { "\"name\": \"Diary review\"", "\"name\": QZXCANARY" },
    };

    [Theory]
    [MemberData(nameof(CatalogueMarkers))]
    public void Catalogue_reader_errors_never_contain_the_values_read(string find, string replace)
    {
        var json = RepoFiles.Read("docs/examples/catalogue.example.json");
        Assert.Contains(find, json, StringComparison.Ordinal);
        var result = CatalogueJson.Default.TryRead(json.Replace(find, replace, StringComparison.Ordinal));
        Assert.False(result.Success);
        foreach (var error in result.Errors.Where(e => !e.Path.ToString().Contains(Marker, StringComparison.Ordinal)))
        {
            AssertClean(error.Message, "catalogue error for " + replace);
            AssertClean(error.ToString(), "catalogue error for " + replace);
        }
    }

    [Fact]
    public void Pictures_show_labels_only_when_asked()
    {
        var shown = 0;
        foreach (var course in Courses.Value)
        {
            AssertClean(ClosenessCircleSvg.Render(course.Inventory), "closeness circle");
            AssertClean(ClosenessCircleSvg.Render(course.Inventory, new RenderOptions { People = PersonMarker.Initials }), "closeness circle (initials)");
            AssertClean(TimelineSvg.Render(course), "timeline");
            foreach (var instrument in MeasureChartSvg.InstrumentsRecorded(course))
            {
                AssertClean(MeasureChartSvg.Render(course, instrument), "measure chart");
            }

            // The test can see a label when one is printed: asked for, the labels appear.
            if (course.Inventory.Persons.Any(p => p.Label is not null))
            {
                Assert.Contains(Marker, ClosenessCircleSvg.Render(course.Inventory, new RenderOptions { People = PersonMarker.Label }), StringComparison.Ordinal);
                shown++;
            }
        }

        Assert.True(shown > 5);
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void The_tool_never_prints_patient_data(string commandLine)
    {
        var dir = Directory.CreateTempSubdirectory("ipt-canary-");
        try
        {
            var course = Path.Combine(dir.FullName, "course.json");
            File.WriteAllBytes(course, CourseJson.Default.ToUtf8Bytes(Courses.Value[0]));
            var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Replace("{course}", course, StringComparison.Ordinal).Replace("{dir}", dir.FullName, StringComparison.Ordinal)).ToArray();
            var (_, output, error) = CliRunner.Run(args);
            AssertClean(output, commandLine + " (output)");
            AssertClean(error, commandLine + " (error)");
            foreach (var file in dir.EnumerateFiles().Where(f => f.Name != "course.json"))
            {
                AssertClean(File.ReadAllText(file.FullName), commandLine + " (" + file.Name + ")");
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_canary_document_holds_the_markers_it_should()
    {
        // Guards the CLI test: the file it writes really carries patient data.
        var json = CourseJson.Default.WriteToString(Courses.Value[0]);
        Assert.True(json.Split(Marker).Length > 20);
    }

    private static void AssertErrorsClean(IEnumerable<DocumentError> errors, string what)
    {
        foreach (var error in errors)
        {
            AssertClean(error.Message, what);
            AssertClean(error.ToString(), what);
            AssertClean(error.Path.ToString(), what);
        }
    }

    private static void AssertClean(string text, string where)
    {
        if (text.Contains(Marker, StringComparison.Ordinal) || text.Contains("CANARY", StringComparison.Ordinal))
        {
            Assert.Fail($"Patient data leaked in {where}: {text}");
        }
    }

    // ---- Building the canary courses ----

    private static List<Course> BuildCourses()
    {
        var counter = 0;
        var full = SampleCourses.Standard with
        {
            Renegotiations = [new Renegotiation { AtSession = 6, Sessions = 18, Date = SampleCourses.Start.PlusWeeks(5), Reason = "r" }],
            Goals = [new Goal(GoalId.From("g1"), "d") { Area = ProblemArea.RoleDispute, Steps = [new GoalStep { Description = "s", Done = true, DoneAtSession = 4 }, new GoalStep { Description = "t" }] }],
            Diary = [new InterpersonalEvent { Date = SampleCourses.Start.PlusDays(3), Persons = [PersonId.From("p1")], WhatHappened = "w", Pattern = "p", Mood = 3 }],
            LifeEvents = [new LifeEvent(LifeEventKind.Move, SampleCourses.Start.PlusDays(-40)) { Persons = [PersonId.From("p1")], Notes = "n" }],
            Supervision = [new SupervisionRecord(SampleCourses.Start.PlusWeeks(3), ClinicianId.From("s1")) { Sessions = [2, 3], Notes = "n" }],
        };
        var courses = new List<Course> { Fill(full, ref counter) };
        foreach (var course in SampleCourses.All.Values.Concat(SampleCourses.Mistakes.Select(m => m.Course)).Concat(SampleCourses.Records.Select(r => r.Course)))
        {
            courses.Add(Fill(course, ref counter));
        }

        for (var seed = 0; seed < 60; seed++)
        {
            courses.Add(Fill(CourseGenerator.Build(seed), ref counter));
        }

        // The full course with every session's record broken: many rules fire on a course full of markers.
        courses.Add(courses[0] with { Sessions = ValueList.From(courses[0].Sessions.Select(s => s with { Phase = Phase.Termination, Techniques = [TechniqueId.From("dream-interpretation")] })) });
        courses.Add(courses[0] with { Formulation = null, Contract = null, SickRole = null, Protocol = BuiltInProtocols.All[^1].Id });
        return courses;
    }

    /// <summary>Returns a copy of a model object whose every string member (deeply) starts with the marker.</summary>
    private static T Fill<T>(T value, ref int counter)
        where T : notnull => (T)Fill((object)value, ref counter);

    private static object Fill(object value, ref int counter)
    {
        var type = value.GetType();
        if (!IsModel(type))
        {
            return value;
        }

        if (value is InterpersonalInventory inventory)
        {
            var persons = new List<InventoryPerson>();
            foreach (var p in inventory.Persons)
            {
                persons.Add(Fill(p, ref counter));
            }

            return new InterpersonalInventory(persons, inventory.Rings);
        }

        var copy = Clone(value);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
        {
            var current = property.GetValue(copy);
            if (property.PropertyType == typeof(string))
            {
                var text = Marker + (counter++).ToString("D5", CultureInfo.InvariantCulture) + " " + (current as string ?? "x");
                var cut = Math.Min(text.Length, IptJsonLimits.DefaultMaxStringLength);
                property.SetValue(copy, text[..(char.IsHighSurrogate(text[cut - 1]) ? cut - 1 : cut)]);
            }
            else if (current is not null && IsModel(current.GetType()))
            {
                property.SetValue(copy, Fill(current, ref counter));
            }
            else if (current is IEnumerable items && property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(ValueList<>)
                && IsModel(property.PropertyType.GetGenericArguments()[0]))
            {
                var itemType = property.PropertyType.GetGenericArguments()[0];
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
                foreach (var item in items)
                {
                    list.Add(Fill(item!, ref counter));
                }

                var from = typeof(ValueList).GetMethods().Single(m => m.Name == "From" && m.GetParameters() is [{ ParameterType.IsGenericType: true } p] && p.ParameterType.GetGenericTypeDefinition() == typeof(IEnumerable<>));
                property.SetValue(copy, from.MakeGenericMethod(itemType).Invoke(null, [list]));
            }
        }

        return copy;
    }

    private static bool IsModel(Type type) => type.Assembly == typeof(Course).Assembly && type.Namespace == typeof(Course).Namespace && type.IsClass && !type.IsAbstract;

    private static object Clone(object value) => value.GetType().GetMethod("<Clone>$")?.Invoke(value, null) ?? value;

    /// <summary>Every model object reachable from a course.</summary>
    private static IEnumerable<object> Graph(object root)
    {
        var stack = new Stack<object>([root]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                var value = property.GetValue(node);
                if (value is null or string)
                {
                    continue;
                }

                if (IsModel(value.GetType()))
                {
                    stack.Push(value);
                }
                else if (value is IEnumerable items && value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(ValueList<>))
                {
                    foreach (var item in items)
                    {
                        if (item is not null && IsModel(item.GetType()))
                        {
                            stack.Push(item);
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<PropertyInfo> TextProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string) && p.SetMethod is { IsPublic: true });

    private static string Key(PropertyInfo property) => property.DeclaringType!.Name + "." + property.Name;
}
