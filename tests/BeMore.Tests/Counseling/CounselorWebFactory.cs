using BeMore.Grains.Storage;
using BeMore.Tests.Grains;
using BeMore.Tests.Llm;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BeMore.Tests.Counseling;

/// <summary>
/// The server with the counselor's LLM pointed at the loopback <see cref="FakeChatServer"/>: the first words must come
/// within 3 s, auto mode answers after 3 s of silence, and pieces of a stream may be 30 s apart. Its event log is the
/// real one behind a <see cref="CountingSessionEventLog"/>, so a test can hold a message's commit.
/// </summary>
public sealed class CounselorWebFactory : LlmWebFactory
{
    private CountingSessionEventLog? _eventLog;

    public CountingSessionEventLog EventLog => _eventLog ?? throw new InvalidOperationException("The server has not resolved its event log yet.");

    protected override void ConfigureLlm(IWebHostBuilder builder)
    {
        builder.UseSetting("BeMore:Llm:Timeout", "00:00:30");
        builder.UseSetting("BeMore:Counselor:FirstTokenTimeout", "00:00:03");
        builder.UseSetting("BeMore:Counselor:SilenceDelay", "00:00:03");
        builder.ConfigureServices(services => services.AddSingleton<ISessionEventLog>(provider =>
            _eventLog = new CountingSessionEventLog(ActivatorUtilities.CreateInstance<AdoNetSessionEventLog>(provider))));
    }
}
