using System.Text.Json;

namespace Ipt.Protocol.Tests.Cli;

/// <summary>
/// Checks a SARIF log for the properties SARIF 2.1.0 requires (OASIS standard, §3.13 sarifLog,
/// §3.14 run, §3.18 tool, §3.19 toolComponent, §3.49 reportingDescriptor, §3.27 result, §3.11 message,
/// §3.28 location, §3.29 physicalLocation, §3.4 artifactLocation, §3.30 region, §3.24 artifact) and
/// for the consistency a reader relies on (ruleIndex points at the rule with the result's ruleId,
/// levels from the enumeration).
/// </summary>
internal static class SarifStructure
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];

    public static List<string> Check(JsonElement log)
    {
        var problems = new List<string>();
        void Require(bool condition, string what)
        {
            if (!condition)
            {
                problems.Add(what);
            }
        }

        Require(log.ValueKind == JsonValueKind.Object, "sarifLog is an object");
        Require(log.TryGetProperty("version", out var version) && version.GetString() == "2.1.0", "sarifLog.version is \"2.1.0\"");
        Require(log.TryGetProperty("$schema", out var schema) && Uri.IsWellFormedUriString(schema.GetString(), UriKind.Absolute), "sarifLog.$schema is an absolute URI");
        if (!log.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            problems.Add("sarifLog.runs is an array");
            return problems;
        }

        foreach (var run in runs.EnumerateArray())
        {
            if (!run.TryGetProperty("tool", out var tool) || !tool.TryGetProperty("driver", out var driver))
            {
                problems.Add("run.tool.driver is present");
                continue;
            }

            Require(driver.TryGetProperty("name", out var name) && !string.IsNullOrEmpty(name.GetString()), "toolComponent.name is present");
            if (driver.TryGetProperty("informationUri", out var info))
            {
                Require(Uri.IsWellFormedUriString(info.GetString(), UriKind.Absolute), "toolComponent.informationUri is an absolute URI");
            }

            var rules = driver.TryGetProperty("rules", out var r) ? r.EnumerateArray().ToList() : [];
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in rules)
            {
                Require(rule.TryGetProperty("id", out var id) && ids.Add(id.GetString()!), "reportingDescriptor.id is present and unique");
                if (rule.TryGetProperty("helpUri", out var help))
                {
                    Require(Uri.IsWellFormedUriString(help.GetString(), UriKind.Absolute), "reportingDescriptor.helpUri is an absolute URI");
                }

                if (rule.TryGetProperty("shortDescription", out var description))
                {
                    Require(description.TryGetProperty("text", out _), "multiformatMessageString.text is present");
                }

                if (rule.TryGetProperty("defaultConfiguration", out var configuration) && configuration.TryGetProperty("level", out var level))
                {
                    Require(Levels.Contains(level.GetString()), "reportingConfiguration.level is a SARIF level");
                }
            }

            foreach (var invocation in run.TryGetProperty("invocations", out var inv) ? inv.EnumerateArray() : default)
            {
                Require(invocation.TryGetProperty("executionSuccessful", out var ok) && ok.ValueKind is JsonValueKind.True or JsonValueKind.False, "invocation.executionSuccessful is a boolean");
                foreach (var notification in invocation.TryGetProperty("toolExecutionNotifications", out var n) ? n.EnumerateArray() : default)
                {
                    Require(notification.TryGetProperty("message", out var m) && m.TryGetProperty("text", out _), "notification.message.text is present");
                }
            }

            var artifacts = run.TryGetProperty("artifacts", out var a) ? a.EnumerateArray().ToList() : [];
            foreach (var artifact in artifacts)
            {
                Require(artifact.TryGetProperty("location", out var location) && location.TryGetProperty("uri", out _), "artifact.location.uri is present");
            }

            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                Require(result.TryGetProperty("message", out var message) && message.TryGetProperty("text", out _), "result.message.text is present");
                var hasRuleId = result.TryGetProperty("ruleId", out var ruleId);
                Require(hasRuleId || result.TryGetProperty("rule", out _), "result.ruleId or result.rule is present");
                if (result.TryGetProperty("ruleIndex", out var ruleIndex))
                {
                    var index = ruleIndex.GetInt32();
                    Require(index >= 0 && index < rules.Count && rules[index].GetProperty("id").GetString() == ruleId.GetString(), "result.ruleIndex points at the result's rule");
                }

                if (result.TryGetProperty("level", out var level))
                {
                    Require(Levels.Contains(level.GetString()), "result.level is a SARIF level");
                }

                foreach (var location in result.TryGetProperty("locations", out var l) ? l.EnumerateArray() : default)
                {
                    if (location.TryGetProperty("physicalLocation", out var physical))
                    {
                        Require(physical.TryGetProperty("artifactLocation", out var artifactLocation) && (artifactLocation.TryGetProperty("uri", out _) || artifactLocation.TryGetProperty("index", out _)), "physicalLocation.artifactLocation has a uri or index");
                        if (artifactLocation.TryGetProperty("index", out var artifactIndex))
                        {
                            Require(artifactIndex.GetInt32() < artifacts.Count, "artifactLocation.index points at an artifact");
                        }

                        if (physical.TryGetProperty("region", out var region))
                        {
                            Require(region.TryGetProperty("startLine", out var line) && line.GetInt32() >= 1, "region.startLine is 1 or more");
                        }
                    }

                    foreach (var logical in location.TryGetProperty("logicalLocations", out var ll) ? ll.EnumerateArray() : default)
                    {
                        Require(logical.TryGetProperty("fullyQualifiedName", out _) || logical.TryGetProperty("name", out _), "logicalLocation has a name");
                    }
                }
            }
        }

        return problems;
    }
}
