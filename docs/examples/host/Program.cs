using Ipt.Protocol.DependencyInjection;
using Ipt.Protocol.Host;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

// The "Ipt" section of the configuration, checked when the host starts.
builder.Services.AddOptions<IptHostOptions>().BindConfiguration(IptHostOptions.Section).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<IptHostOptions>, IptHostOptionsValidation>();

// Ipt.Protocol's services, with the clinic's rule and the settings read through IOptions when the
// first service is resolved (not at registration, so every configuration source counts).
builder.Services.AddIptProtocol(ipt => ipt
    .AddRule(ClinicRules.LengthRecorded)
    .Configure((ipt, services) => services.GetRequiredService<IOptions<IptHostOptions>>().Value
        .ApplyTo(ipt, services.GetRequiredService<IHostEnvironment>().ContentRootPath)));

// Builds the validator while the host starts: a bad catalogue or an unknown rule id fails now.
builder.Services.AddHostedService<IptStartupCheck>();
builder.Services.AddProblemDetails();

var app = builder.Build();
app.MapCourseEndpoints();
app.Run();
