using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ipt.Protocol.Serialization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Ipt.Protocol.Host.Tests;

/// <summary>The host example of docs/examples/host, in memory with <see cref="WebApplicationFactory{TEntryPoint}"/>.</summary>
public sealed class HostTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly string Root = FindRoot();

    private static Course Standard => CourseJson.Default.TryRead(File.ReadAllText(Path.Combine(Root, "docs", "examples", "standard.course.json"))).GetValueOrThrow();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_readable_course_gets_its_report_with_rule_ids_severities_paths_and_absolute_help_links()
    {
        var course = Standard.WithSession(3, s => s with { Length = null });
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/courses/validate", Json(CourseJson.Default.WriteToString(course)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = report.RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.True(root.GetProperty("rulesRun").GetInt32() > 40);
        Assert.Equal(0, root.GetProperty("safetyChecksChanged").GetArrayLength());
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        Assert.Equal("CLINIC0001", finding.GetProperty("ruleId").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal("audit", finding.GetProperty("category").GetString());
        Assert.Equal("$.sessions[2]", finding.GetProperty("path").GetString());
        Assert.Equal("Session 3 was held but its length is not recorded; the clinic reports session time.", finding.GetProperty("message").GetString());
        Assert.Equal("https://clinic.example/ipt-rules/CLINIC0001", finding.GetProperty("helpLink").GetString());
    }

    [Fact]
    public async Task An_unreadable_course_gets_problem_details_with_code_path_and_position_and_no_document_text()
    {
        const string canary = "Canary-7f3a";
        var json = CourseJson.Default.WriteToString(Standard)
            .Replace("\"number\": 1,", "\"number\": 0,", StringComparison.Ordinal)
            .Replace("\"phase\": \"initial\"", $"\"phase\": \"{canary}\"", StringComparison.Ordinal);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/courses/validate", Json(json), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(canary, text, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.EndsWith("#error-codes", problem.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("code").GetString() == "value" && e.GetProperty("path").GetString() == "$.sessions[0].number" && e.GetProperty("line").GetInt32() > 1 && e.GetProperty("column").GetInt32() > 1);
        Assert.Contains(errors, e => e.GetProperty("path").GetString() == "$.sessions[0].phase");
    }

    [Fact]
    public async Task Settings_come_from_configuration_and_a_changed_safety_check_is_reported()
    {
        using var host = factory.WithWebHostBuilder(b => b
            .UseSetting("Ipt:DisabledRules:0", "IPT0704")
            .UseSetting("Ipt:Severities:CLINIC0001", "Error"));
        using var client = host.CreateClient();
        var course = Standard.WithSession(2, s => s with { Length = null, Phase = Phase.Termination });

        using var response = await client.PostAsync("/courses/validate", Json(CourseJson.Default.WriteToString(course)), TestContext.Current.CancellationToken);

        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(report.RootElement.GetProperty("valid").GetBoolean());
        var findings = report.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal("error", findings.Single(f => f.GetProperty("ruleId").GetString() == "CLINIC0001").GetProperty("severity").GetString());
        var builtIn = findings.First(f => f.GetProperty("ruleId").GetString()!.StartsWith("IPT", StringComparison.Ordinal));
        Assert.Equal($"https://github.com/ipt-protocol/Ipt.Protocol/blob/main/docs/rules/{builtIn.GetProperty("ruleId").GetString()}.md", builtIn.GetProperty("helpLink").GetString());
        var change = Assert.Single(report.RootElement.GetProperty("safetyChecksChanged").EnumerateArray());
        Assert.Equal("IPT0704", change.GetProperty("ruleId").GetString());
        Assert.Equal(JsonValueKind.Null, change.GetProperty("severity").ValueKind);
    }

    [Fact]
    public void A_missing_catalogue_file_or_an_unknown_rule_id_fails_at_start_up()
    {
        using var missing = factory.WithWebHostBuilder(b => b.UseSetting("Ipt:CatalogueFiles:0", "no-such-catalogue.json"));
        var options = Assert.Throws<OptionsValidationException>(() => missing.CreateClient());
        Assert.Contains("no-such-catalogue.json", options.Message, StringComparison.Ordinal);

        using var unknown = factory.WithWebHostBuilder(b => b.UseSetting("Ipt:DisabledRules:0", "IPT9999"));
        var id = Assert.Throws<InvalidOperationException>(() => unknown.CreateClient());
        Assert.Contains("IPT9999", id.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caseload_in_json_lines_is_validated_line_by_line()
    {
        var body = CourseJson.Default.WriteToString(Standard, indented: false) + "\nnot json\n";
        using var client = factory.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/jsonl");

        using var response = await client.PostAsync("/courses/validate-lines", content, TestContext.Current.CancellationToken);

        using var lines = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, lines.RootElement.GetArrayLength());
        Assert.True(lines.RootElement[0].GetProperty("valid").GetBoolean());
        Assert.False(lines.RootElement[1].GetProperty("read").GetBoolean());
        Assert.Equal("syntax", lines.RootElement[1].GetProperty("readErrors")[0].GetProperty("code").GetString());
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ipt.Protocol.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Ipt.Protocol.sln) was not found.");
    }
}
