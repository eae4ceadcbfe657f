using Ipt.Protocol;
using Ipt.Protocol.DependencyInjection;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Techniques;
using Microsoft.Extensions.DependencyInjection;

// Reads a course document, validates it and asks for suggestions, through the DI registrations.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Consumer COURSE.json");
    return 2;
}

using var provider = new ServiceCollection().AddIptProtocol().BuildServiceProvider();
using var file = File.OpenRead(args[0]);
var read = provider.GetRequiredService<CourseJson>().TryRead(file);
if (!read.TryGetValue(out var course))
{
    foreach (var error in read.Errors)
    {
        Console.Error.WriteLine(error);
    }

    return 2;
}

var report = provider.GetRequiredService<CourseValidator>().Validate(course);
var advice = provider.GetRequiredService<TechniqueAdvisor>().Suggest(course, course.Sessions.Count);
Console.WriteLine($"{course}: {report}; {advice.Suggestions.Count} suggestions");
return report.HasErrors ? 1 : 0;
