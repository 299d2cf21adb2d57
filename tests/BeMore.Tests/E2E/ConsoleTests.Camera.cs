using System.Text.RegularExpressions;
using BeMore.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace BeMore.Tests.E2E;

public sealed partial class ConsoleTests
{
    /// <summary>The fake camera's video: one frame of a public-domain portrait (see Fixtures/Camera/make-fixture.sh).</summary>
    private static string FaceCamera => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Camera", "face.y4m");

    /// <summary>Keeps every camera stream the page opens, so a test can tell whether the page stopped them.</summary>
    private const string TrackCameraStreams = """
        window.cameraStreams = [];
        const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
        navigator.mediaDevices.getUserMedia = async constraints => {
          const stream = await getUserMedia(constraints);
          if (constraints?.video) {
            window.cameraStreams.push(stream);
          }
          return stream;
        };
        """;

    private const string AllCameraStreamsStopped =
        "() => window.cameraStreams.length > 0 && window.cameraStreams.every(s => s.getVideoTracks().every(t => t.readyState === 'ended'))";

    private const string SomeCameraStreamLive =
        "() => window.cameraStreams.some(s => s.getVideoTracks().some(t => t.readyState === 'live'))";

    /// <summary>
    /// With the camera switched on, MediaPipe Face Mesh finds the face in this browser, its landmarks go to the server,
    /// and face-sourced emotion readings come back: shown in the emotion card's sources and stored in the session. The
    /// preview can be hidden while the camera stays on (and says so); a pause, and leaving the page, stop the camera.
    /// </summary>
    [Fact]
    public async Task Console_CameraOn_FaceLandmarksGoOutAndFaceReadingsComeBack()
    {
        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_CameraOn_FaceLandmarksGoOutAndFaceReadingsComeBack), Desktop, async browser =>
        {
            var page = browser.Page;
            var email = await SignUpAsync(browser, language: "en");
            var sessionId = await StartSessionAsync(browser, "Camera");
            await Expect(page.Locator("#camera-statement")).ToContainTextAsync("computed here in your browser");
            await Expect(page.Locator("#camera-statement")).ToContainTextAsync("only those numbers go to BeMore");
            await Expect(page.Locator("#camera-toggle")).Not.ToBeCheckedAsync();
            await Expect(page.Locator("#camera-indicator")).ToHaveAttributeAsync("data-state", "off");
            await Expect(page.Locator("#camera-preview")).ToBeHiddenAsync();
            Assert.Equal(0, await page.EvaluateAsync<int>("() => window.cameraStreams.length"));

            await page.Locator("#camera-toggle").CheckAsync();
            await Expect(page.Locator("#camera-indicator")).ToHaveAttributeAsync("data-state", "on");
            await Expect(page.Locator("#camera-indicator")).ToHaveTextAsync("Camera on");
            await Expect(page.Locator("#camera-preview")).ToBeVisibleAsync();
            await Expect(page.Locator("#camera-state")).ToHaveTextAsync(new Regex("^Face found"), new() { Timeout = 90_000 });
            await browser.ScreenshotAsync("1-camera-on");

            // Hiding the preview leaves the camera on, and the indicator says so.
            await page.Locator("#camera-preview-toggle").ClickAsync();
            await Expect(page.Locator("#camera-preview")).ToBeHiddenAsync();
            await Expect(page.Locator("#camera-preview-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(page.Locator("#camera-preview-toggle")).ToHaveTextAsync("Show preview");
            await Expect(page.Locator("#camera-indicator")).ToHaveAttributeAsync("data-state", "on");
            Assert.True(await page.EvaluateAsync<bool>(SomeCameraStreamLive));

            // The server learns the person's neutral face from the first 15 frames; the readings after it come from the face.
            await Expect(page.Locator("#emotion-sources li[data-modality='face']")).ToBeVisibleAsync(new() { Timeout = 90_000 });
            await Expect(page.Locator("#emotion-sources li[data-modality='face']")).ToContainTextAsync("face:");
            await AssertLabelledAsync(page);
            await browser.ScreenshotAsync("2-face-reading");
            using var http = factory.CreateApiClient();
            var token = await SignInAsync(http, email);
            using (var events = await (await http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/events?limit=1000", token)).ReadJsonAsync())
            {
                Assert.Contains(events.RootElement.EnumerateArray(), e => e.GetProperty("type").GetString() == "emotion_update"
                    && e.GetProperty("data").GetProperty("sources").EnumerateArray().Any(source => source.GetProperty("modality").GetString() == "face"));
            }

            // Shown again, the preview comes back beside the face-sourced reading (the README's screenshot).
            await page.Locator("#camera-preview-toggle").ClickAsync();
            await Expect(page.Locator("#camera-preview")).ToBeVisibleAsync();
            await Expect(page.Locator("#camera-preview-toggle")).ToHaveAttributeAsync("aria-pressed", "false");
            await browser.ScreenshotAsync("3-session-camera");
            await browser.AssertAccessibleAsync("session with the camera on");

            // A pause stops the camera (the device is released); resuming starts it again, as the person left it on.
            await page.Locator("#pause-session").ClickAsync();
            await Expect(page.Locator("#session-status")).ToHaveAttributeAsync("data-status", "paused");
            await Expect(page.Locator("#camera-indicator")).ToHaveAttributeAsync("data-state", "off");
            await page.WaitForFunctionAsync(AllCameraStreamsStopped);
            await Expect(page.Locator("#camera-frame-host iframe")).ToHaveCountAsync(0);
            await page.Locator("#resume-session").ClickAsync();
            await Expect(page.Locator("#camera-indicator")).ToHaveAttributeAsync("data-state", "on");
            await page.WaitForFunctionAsync(SomeCameraStreamLive);

            // Leaving the page stops it too.
            await page.Locator("#main-nav a[href='/console/dashboard']").ClickAsync();
            await page.WaitForFunctionAsync(AllCameraStreamsStopped);
        }, initScript: TrackCameraStreams, camera: FaceCamera);
    }

    /// <summary>
    /// A session started without analysis consent takes no face data: the server answers the first frame FORBIDDEN,
    /// and the page says why in a notice and switches the camera off. With face emotion switched off on the account
    /// page (the server would ignore the frames), the card says so and offers no camera.
    /// </summary>
    [Fact]
    public async Task Console_CameraInASessionWithoutAnalysisConsent_SaysWhyAndSwitchesItOff()
    {
        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_CameraInASessionWithoutAnalysisConsent_SaysWhyAndSwitchesItOff), Phone, async browser =>
        {
            var page = browser.Page;
            await SignUpAsync(browser, language: "en");
            await StartSessionAsync(browser, "No analysis", analysis: false);

            await page.Locator("#camera-toggle").CheckAsync();
            var notice = page.Locator("#processing-notices .notice[data-kind='camera_forbidden']");
            await Expect(notice).ToBeVisibleAsync(new() { Timeout = 90_000 });
            await Expect(notice).ToContainTextAsync("without analysis consent");
            await Expect(page.Locator("#camera-toggle")).Not.ToBeCheckedAsync();
            await Expect(page.Locator("#camera-indicator")).ToHaveAttributeAsync("data-state", "off");
            await page.WaitForFunctionAsync(AllCameraStreamsStopped);
            await browser.ScreenshotAsync("1-camera-refused");
            await browser.AssertAccessibleAsync("session with the camera refused");

            await page.Locator("#main-nav a[href='/console/account']").ClickAsync();
            // The form shows the stored opt-ins (on by default) before it is changed.
            await Expect(page.Locator("#opt-face-emotion")).ToBeCheckedAsync();
            await page.Locator("#opt-face-emotion").UncheckAsync();
            await page.Locator("#save-preferences").ClickAsync();
            await Expect(page.Locator("#preferences-status")).ToHaveTextAsync("Saved.");
            await Expect(page.Locator("#opt-face-emotion")).Not.ToBeCheckedAsync();
            await StartSessionAsync(browser, "Face emotion off");
            await Expect(page.Locator("#camera-opted-out")).ToBeVisibleAsync();
            await Expect(page.Locator("#camera-opted-out")).ToContainTextAsync("switched off on your account page");
            await Expect(page.Locator("#camera-toggle")).ToBeDisabledAsync();
            await Expect(page.Locator("#camera-indicator")).ToHaveAttributeAsync("data-state", "off");
        }, initScript: TrackCameraStreams, camera: FaceCamera);
    }

    /// <summary>A browser without WebGL (the face model needs it) is told so on the camera card; the session works as before.</summary>
    [Fact]
    public async Task Console_BrowserWithoutWebGl_SaysTheCameraCannotBeUsedAndTheSessionGoesOn()
    {
        const string NoWebGl = """
            const getContext = HTMLCanvasElement.prototype.getContext;
            HTMLCanvasElement.prototype.getContext = function (type, ...options) {
              return /webgl/i.test(type) ? null : getContext.call(this, type, ...options);
            };
            """;
        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_BrowserWithoutWebGl_SaysTheCameraCannotBeUsedAndTheSessionGoesOn), Desktop, async browser =>
        {
            var page = browser.Page;
            await SignUpAsync(browser, language: "en");
            await StartSessionAsync(browser, "No WebGL");

            await Expect(page.Locator("#camera-unavailable")).ToContainTextAsync("no WebGL");
            await Expect(page.Locator("#camera-offer")).ToBeHiddenAsync();
            await Expect(page.Locator("#camera-indicator")).ToHaveAttributeAsync("data-state", "off");
            await page.Locator("#transcript-language").SelectOptionAsync("en");
            await page.Locator("#transcript-input").FillAsync("Everything else still works.");
            await page.Locator("#transcript-input").PressAsync("Enter");
            await Expect(page.Locator("#transcript li").Last).ToHaveTextAsync("Everything else still works.");
        }, initScript: NoWebGl);
    }
}
