using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;

namespace Ipt.Protocol.Fhir.Tests;

/// <summary>The host example of docs/fhir.md, run against a fake HTTP handler that answers like a FHIR server (no network).</summary>
public class HostExampleTests
{
    [Fact]
    public async System.Threading.Tasks.Task The_course_is_posted_as_one_transaction_with_the_firely_client()
    {
        var course = Fhir.ReadExample("docs/examples/standard.course.json");
        using var handler = new FakeServer();

        // As in docs/fhir.md, with the fake handler passed to the client.
        var mapper = new IptFhirMapper(new IptFhirOptions { Transaction = true });
        var bundle = mapper.ToBundle(course, CourseExportContext.ForPatient("Patient/123"));
        using var client = new FhirClient("https://fhir.example.org/r4", new FhirClientSettings { PreferredFormat = ResourceFormat.Json }, handler);
        Bundle response = (await client.TransactionAsync(bundle))!;

        Assert.Equal(bundle.Entry.Count, response.Entry.Count);
        Assert.All(response.Entry, e => Assert.StartsWith("201", e.Response!.Status, StringComparison.Ordinal));
        var posted = Fhir.ParseStrict<Bundle>(handler.Body!);
        Assert.Equal(Bundle.BundleType.Transaction, posted.Type);
        Assert.All(posted.Entry, e => Assert.Equal(Bundle.HTTPVerb.POST, e.Request!.Method));
    }

    /// <summary>Answers a transaction with 201 Created for every entry.</summary>
    private sealed class FakeServer : HttpMessageHandler
    {
        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var sent = Fhir.ParseStrict<Bundle>(Body);
            var answer = new Bundle { Type = Bundle.BundleType.TransactionResponse };
            for (var i = 0; i < sent.Entry.Count; i++)
            {
                answer.Entry.Add(new Bundle.EntryComponent
                {
                    Response = new Bundle.ResponseComponent { Status = "201 Created", Location = $"{sent.Entry[i].Request!.Url}/{i + 1}/_history/1" },
                });
            }

            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(Fhir.ToJson(answer), Encoding.UTF8, "application/fhir+json"),
            };
        }
    }
}
