using System.Text.Json;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BeMore.Tests.Live;

/// <summary>
/// The embedded server with the domain clock under the test's control and a fast analysis timer: the timer ticks on
/// the silo's real clock, while what is due (emotion updates, rollups) is decided on the domain clock the test moves.
/// </summary>
public sealed class AnalysisClockWebFactory : BeMoreWebFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureStorage(IWebHostBuilder builder)
    {
        builder.UseSetting("BeMore:Sessions:AnalysisTick", "00:00:00.050");
        builder.ConfigureServices(services => services.AddKeyedSingleton<TimeProvider>(BeMore.Grains.DomainClock.Key, Clock));
    }
}

/// <summary>When analysis reaches the client: throttled emotion updates, rollups, and interventions held for a pause.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class AnalysisTimingTests(AnalysisClockWebFactory factory) : IClassFixture<AnalysisClockWebFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly SessionConsent FullConsent = new(Analysis: true, StoreTranscript: true);

    private readonly HttpClient _http = factory.CreateApiClient();

    [Fact]
    public async Task EmotionUpdate_NewTextWithinTheInterval_FlushedByTheTimerOnceTheIntervalPassesAndNotRepeated()
    {
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user, analysis: true);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
        await client.JoinAsync(sessionId);

        await LiveSessions.AppendTranscriptAsync(_http, user, sessionId, "I am so happy and grateful today!");
        var first = (await client.ReceiveUntilAsync(HasEmotionUpdates(1), Wait)).Single(IsType("emotion_update"));
        await LiveSessions.AppendTranscriptAsync(_http, user, sessionId, "I am furious and so angry at him.");
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        var flushed = (await client.ReceiveUntilAsync(HasEmotionUpdates(1), Wait)).Single(IsType("emotion_update"));
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var untilRollup = await client.ReceiveUntilAsync(events => events.Any(IsType("analysis_result")), Wait);

        Assert.Equal("joy", first.GetProperty("data").GetProperty("label").GetString());
        Assert.Equal("anger", flushed.GetProperty("data").GetProperty("label").GetString());
        // Stamped by the domain clock, which moved only when the test advanced it: the update waited for the interval.
        Assert.Equal(At(first).AddSeconds(10), At(flushed));
        Assert.DoesNotContain(untilRollup, e => IsType("emotion_update")(e));
        var rollup = untilRollup.Single(IsType("analysis_result")).GetProperty("data");
        Assert.Equal("anger", rollup.GetProperty("emotionLabel").GetString());
        Assert.Equal("none", rollup.GetProperty("riskLevel").GetString());
        Assert.Equal(At(first).AddSeconds(40), At(untilRollup.Single(IsType("analysis_result"))));
    }

    [Fact]
    public async Task End_EmotionReadingHeldByTheThrottle_IsFlushedIntoTheLogBeforeTheSessionEnds()
    {
        var owner = Guid.NewGuid().ToString("N");
        var session = factory.Grains.GetGrain<ICounselingSessionGrain>(Guid.NewGuid().ToString("N"));
        await session.StartAsync(new StartSession(owner, "flush", FullConsent));
        await session.AppendTranscriptAsync(owner, new TranscriptInput("e-1", "I am so happy and grateful today!", 0, 1000, "en"));
        // Within the emotion interval (the domain clock does not move): the throttle holds this reading.
        await session.AppendTranscriptAsync(owner, new TranscriptInput("e-2", "I am furious and so angry at him.", 1000, 2000, "en"));

        await session.EndAsync(owner);
        var events = await session.GetEventsAsync(owner, 0, 100);

        var updates = events.Where(e => e.Data is EmotionUpdate).ToList();
        Assert.Equal(["joy", "anger"], updates.Select(e => ((EmotionUpdate)e.Data).Label));
        Assert.True(updates[^1].Seq < events.Single(e => e.Data is SessionEnded).Seq);
    }

    [Fact]
    public async Task AnalysisResult_AfterAQuietPeriod_WaitsForNewInput()
    {
        var owner = Guid.NewGuid().ToString("N");
        var session = factory.Grains.GetGrain<ICounselingSessionGrain>(Guid.NewGuid().ToString("N"));
        await session.StartAsync(new StartSession(owner, "rollup", FullConsent));
        await session.AppendTranscriptAsync(owner, new TranscriptInput("r-1", "I should have known better.", 0, 1500, "en"));

        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var first = await WaitForEventAsync(session, owner, e => e.Data is AnalysisResult);
        factory.Clock.Advance(TimeSpan.FromSeconds(60));
        var input = await session.AppendTranscriptAsync(owner, new TranscriptInput("r-2", "Anyway, see you tomorrow.", 2000, 3000, "en"));
        var second = await WaitForEventAsync(session, owner, e => e.Data is AnalysisResult && e.Seq > first.Seq);
        var events = await session.GetEventsAsync(owner, 0, 100);

        Assert.Equal(1, ((AnalysisResult)first.Data).DistortionCounts["should_statements"]);
        Assert.Equal(RiskLevels.None, ((AnalysisResult)first.Data).RiskLevel);
        // Due since the quiet minute began, yet it waited for the input.
        Assert.True(second.Seq > input.Seq);
        Assert.Equal(2, events.Count(e => e.Data is AnalysisResult));
    }

    [Fact]
    public async Task Intervention_WhileTheUserIsSpeaking_IsHeldAndDeliveredAtTheNextPause()
    {
        var owner = Guid.NewGuid().ToString("N");
        var sessionId = Guid.NewGuid().ToString("N");
        var session = factory.Grains.GetGrain<ICounselingSessionGrain>(sessionId);
        var voice = factory.Grains.GetGrain<IVoiceActivityGrain>(sessionId);
        await session.StartAsync(new StartSession(owner, "hold", FullConsent));

        await voice.AcceptClientVadAsync(owner, Frames(fromMs: 0, count: 20, speech: true));
        var segment = await session.AppendTranscriptAsync(owner, new TranscriptInput("h-1", "I always ruin everything I touch.", 0, 400, "en"));
        var whileSpeaking = await session.GetEventsAsync(owner, 0, 100);
        await voice.AcceptClientVadAsync(owner, Frames(fromMs: 400, count: 40, speech: false));
        var afterPause = await session.GetEventsAsync(owner, 0, 100);

        Assert.Contains(whileSpeaking, e => e.Data is VadUpdate { Speaking: true });
        Assert.Contains(whileSpeaking, e => e.Data is DistortionDetected);
        Assert.DoesNotContain(whileSpeaking, e => e.Data is CbtIntervention);
        var pause = afterPause.First(e => e.Data is VadUpdate { Speaking: false });
        var interventions = afterPause.Where(e => e.Data is CbtIntervention).ToList();
        Assert.Equal(["question", "task"], interventions.Select(e => ((CbtIntervention)e.Data).Kind));
        Assert.All(interventions, e => Assert.True(e.Seq > pause.Seq));
        Assert.All(interventions, e => Assert.Equal(segment.Seq, ((CbtIntervention)e.Data).ForSeq));
        Assert.Equal(CbtIntervention.FromCatalog, ((CbtIntervention)interventions[0].Data).Source);
    }

    [Fact]
    public async Task Intervention_WhileTheUserIsSilent_IsDeliveredWithTheFinding()
    {
        var owner = Guid.NewGuid().ToString("N");
        var sessionId = Guid.NewGuid().ToString("N");
        var session = factory.Grains.GetGrain<ICounselingSessionGrain>(sessionId);
        var voice = factory.Grains.GetGrain<IVoiceActivityGrain>(sessionId);
        await session.StartAsync(new StartSession(owner, "silent", FullConsent));
        await voice.AcceptClientVadAsync(owner, Frames(fromMs: 0, count: 20, speech: true));
        await voice.AcceptClientVadAsync(owner, Frames(fromMs: 400, count: 40, speech: false));

        var segment = await session.AppendTranscriptAsync(owner, new TranscriptInput("s-1", "I always ruin everything I touch.", 0, 400, "en"));
        var events = await session.GetEventsAsync(owner, segment.Seq, 100);

        Assert.Equal(2, events.Count(e => e.Data is CbtIntervention));
    }

    [Fact]
    public async Task ApplyRefinement_LateOrRepeatedLabel_IsDroppedAndOnlyTheLatestSegmentsLabelApplies()
    {
        var owner = Guid.NewGuid().ToString("N");
        var session = factory.Grains.GetGrain<ICounselingSessionGrain>(Guid.NewGuid().ToString("N"));
        await session.StartAsync(new StartSession(owner, "refine", FullConsent));
        var older = await session.AppendTranscriptAsync(owner, new TranscriptInput("f-1", "I am so happy and grateful today!", 0, 1000, "en"));
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        var latest = await session.AppendTranscriptAsync(owner, new TranscriptInput("f-2", "We had dinner at home.", 1000, 2000, "en"));
        factory.Clock.Advance(TimeSpan.FromSeconds(10));

        // Each of these would be pushed at once if applied: the emotion interval has passed and nothing else is pending.
        await session.ApplyRefinementAsync(owner, new RefinementResult(RefinementKind.EmotionLabel, older.Seq, older.Seq, "sadness"));
        var afterLate = await EmotionUpdatesAsync(session, owner);
        await session.ApplyRefinementAsync(owner, new RefinementResult(RefinementKind.EmotionLabel, latest.Seq, latest.Seq, "anger"));
        var afterApplied = await EmotionUpdatesAsync(session, owner);
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        await session.ApplyRefinementAsync(owner, new RefinementResult(RefinementKind.EmotionLabel, latest.Seq, latest.Seq, "anger"));
        await session.ApplyRefinementAsync(owner, new RefinementResult(RefinementKind.SocraticQuestion, latest.Seq, latest.Seq, "Is that so?"));
        var afterRepeat = await EmotionUpdatesAsync(session, owner);
        var events = await session.GetEventsAsync(owner, 0, 100);

        Assert.Equal(2, afterLate.Count);
        Assert.Equal(3, afterApplied.Count);
        Assert.Equal("anger", afterApplied[^1].Sources.Single(s => s.Modality == "text").Label);
        Assert.Equal(3, afterRepeat.Count);
        Assert.DoesNotContain(events, e => e.Data is CbtIntervention);
    }

    private static async Task<List<EmotionUpdate>> EmotionUpdatesAsync(ICounselingSessionGrain session, string owner) =>
        (await session.GetEventsAsync(owner, 0, 100)).Select(e => e.Data).OfType<EmotionUpdate>().ToList();

    private static ClientVadInput[] Frames(long fromMs, int count, bool speech) =>
        Enumerable.Range(0, count).Select(i => new ClientVadInput(fromMs + (i * 20), speech, speech ? 0.2 : 0.001, 20)).ToArray();

    private static Func<IReadOnlyCollection<JsonElement>, bool> HasEmotionUpdates(int count) =>
        events => events.Count(IsType("emotion_update")) >= count;

    private static Func<JsonElement, bool> IsType(string type) => e => e.GetProperty("type").GetString() == type;

    private static DateTimeOffset At(JsonElement sessionEvent) => sessionEvent.GetProperty("at").GetDateTimeOffset();

    /// <summary>The session's first event matching <paramref name="match"/>, waiting for the timer that appends it.</summary>
    private async Task<SessionEvent> WaitForEventAsync(ICounselingSessionGrain session, string owner, Func<SessionEvent, bool> match)
    {
        var observer = new CollectingObserver();
        var reference = factory.Grains.CreateObjectReference<ISessionObserver>(observer);
        await session.SubscribeAsync(owner, reference);
        try
        {
            // Subscribed first, then read: an event appended in between is in one or the other.
            if ((await session.GetEventsAsync(owner, 0, 1000)).FirstOrDefault(match) is { } stored)
            {
                return stored;
            }

            return await observer.WaitForAsync(match, Wait);
        }
        finally
        {
            await session.UnsubscribeAsync(reference);
            factory.Grains.DeleteObjectReference<ISessionObserver>(reference);
        }
    }

    private sealed class CollectingObserver : ISessionObserver
    {
        private readonly System.Threading.Channels.Channel<SessionEvent> _events = System.Threading.Channels.Channel.CreateUnbounded<SessionEvent>();

        public Task OnEventsAsync(IReadOnlyList<SessionEvent> events)
        {
            foreach (var sessionEvent in events)
            {
                _events.Writer.TryWrite(sessionEvent);
            }

            return Task.CompletedTask;
        }

        public Task OnLiveAsync(BeMore.Grains.Abstractions.Counseling.SessionLiveMessage message) => Task.CompletedTask;

        public Task OnClosedAsync() => Task.CompletedTask;

        public async Task<SessionEvent> WaitForAsync(Func<SessionEvent, bool> match, TimeSpan timeout)
        {
            using var cancellation = new CancellationTokenSource(timeout);
            while (true)
            {
                var next = await _events.Reader.ReadAsync(cancellation.Token);
                if (match(next))
                {
                    return next;
                }
            }
        }
    }
}
