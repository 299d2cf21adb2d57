using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Insight;

namespace BeMore.Tests.Analysis;

public sealed class RiskDetectorTests
{
    /// <summary>
    /// The first stage with the everyday-sentence guard at its strictest: every classifier-only finding needs a risk cue.
    /// The second stage, which reads what the guard holds back, is off.
    /// </summary>
    private static readonly Lazy<UtteranceInsight> Guarded = new(() => UtteranceInsight.Shipped.WithThresholds(
        UtteranceInsight.Shipped.Thresholds with { RiskWithoutCue = 1.01, RiskWithoutCueKorean = 1.01, RiskDecision = 0, RiskDecisionKorean = 0 }));

    /// <summary>
    /// The first stage with every classifier-only finding in words that ask held back (what the rules name still alerts);
    /// the second stage off, as for <see cref="Guarded"/>.
    /// </summary>
    private static readonly Lazy<UtteranceInsight> QuestionsGuarded = new(() => UtteranceInsight.Shipped.WithThresholds(
        UtteranceInsight.Shipped.Thresholds with { RiskInQuestion = 1.01, RiskInQuestionKorean = 1.01, RiskDecision = 0, RiskDecisionKorean = 0 }));

    /// <summary>
    /// The first stage with every classifier-only finding in a wish without a risk cue held back; the second stage off,
    /// as for <see cref="Guarded"/>.
    /// </summary>
    private static readonly Lazy<UtteranceInsight> WishesGuarded = new(() => UtteranceInsight.Shipped.WithThresholds(
        UtteranceInsight.Shipped.Thresholds with { RiskWishWithoutCue = 1.01, RiskWishWithoutCueKorean = 1.01, RiskDecision = 0, RiskDecisionKorean = 0 }));

    /// <summary>
    /// The wish guard holds back what the classifier alone reads in an ordinary wish, and nothing said beside death,
    /// sleep, an end or going away: passive ideation is said as a wish too.
    /// </summary>
    [Theory]
    [InlineData("I want to get better.", "I hope I just fade away one of these days.", TextLanguage.English)]
    [InlineData("둘째 생겼으면 좋겠다", "그냥 영원히 잠들고 싶다", TextLanguage.Korean)]
    public void Risk_OrdinaryWish_IsHeldBackByTheWishGuard_AndAWishToBeGoneIsNot(string ordinary, string ideation, TextLanguage language)
    {
        // Neither is a rule's finding: both are the classifier's alone, and only the risk cue tells them apart.
        Assert.Equal(RiskLevel.None, RiskRules.Assess(ordinary, language).Level);
        Assert.Equal(RiskLevel.None, RiskRules.Assess(ideation, language).Level);
        Assert.NotEqual(RiskLevel.None, UtteranceInsight.Shipped.WithThresholds(WishesGuarded.Value.Thresholds with { RiskWishWithoutCue = 0, RiskWishWithoutCueKorean = 0, RiskGoodWishNeedsCue = false })
            .Risk(ordinary, language).Level);

        Assert.Equal(RiskAssessment.None, WishesGuarded.Value.Risk(ordinary, language));
        Assert.NotEqual(RiskLevel.None, WishesGuarded.Value.Risk(ideation, language).Level);
    }

    /// <summary>
    /// A regret about the speaker's own past raises no alert from the classifier alone unless a risk cue stands beside it:
    /// the ordinary regret alerted without the guard, the regret of an attempt survived alerts with it.
    /// </summary>
    [Theory]
    [InlineData("I wish I'd studied something I actually cared about.", "I wish I hadn't survived it last time.")]
    [InlineData("I wish I'd told my mum I loved her more often.", "I wish I'd gone through with it in March.")]
    [InlineData("wish i'd just stayed home that night", "I wish I never woke up after the overdose.")]
    [InlineData("I wish I never said yes to that wedding.", "I wish I'd never been born, honestly.")]
    public void Risk_Regret_NeedsACue_AndARegretOfAnAttemptHasOne(string ordinary, string ideation)
    {
        Assert.Equal(RiskLevel.None, RiskRules.Assess(ordinary, TextLanguage.English).Level);
        Assert.Equal(RiskLevel.None, RiskRules.Assess(ideation, TextLanguage.English).Level);
        Assert.True(ConversationMoves.Regrets(ordinary, TextLanguage.English));
        var unguarded = UtteranceInsight.Shipped.WithThresholds(UtteranceInsight.Shipped.Thresholds with { RiskRegretNeedsCue = false });
        Assert.NotEqual(RiskLevel.None, unguarded.Risk(ordinary, TextLanguage.English).Level);

        Assert.Equal(RiskAssessment.None, UtteranceInsight.Shipped.Risk(ordinary, TextLanguage.English));
        Assert.NotEqual(RiskLevel.None, UtteranceInsight.Shipped.Risk(ideation, TextLanguage.English).Level);
    }

    /// <summary>
    /// The risk phrases in the forms people say them: wanting to die after the speaker's own words, wishing one had died, a
    /// day hardly going by without the thought, a voice that says to die, and cutting one ended up doing.
    /// </summary>
    [Theory]
    [InlineData("honestly I keep wanting to die and I don't know why")]
    [InlineData("some nights I'm wishing I'd died in that crash")]
    [InlineData("barely a day goes by when I don't think about ending it")]
    [InlineData("the voices keep telling me to kill myself when it's quiet")]
    [InlineData("I tried the breathing and the ice and still ended up cutting again")]
    public void Assess_RiskPhraseInTheFormsPeopleSayIt_IsFoundByTheRules(string text)
    {
        Assert.NotEqual(RiskLevel.None, RiskRules.Assess(text, TextLanguage.English).Level);
    }

    /// <summary>Wanting to die told of someone else, or of a song, is not the speaker's: the phrase needs the speaker's own words before it.</summary>
    [Theory]
    [InlineData("my friend keeps making jokes about wanting to die and I can't tell if she's serious")]
    [InlineData("the whole album is about wanting to die, which is a lot")]
    public void Assess_WantingToDieOfSomeoneElse_IsNotTheSpeakersPhrase(string text)
    {
        Assert.Equal(RiskLevel.None, RiskRules.Assess(text, TextLanguage.English).Level);
    }

    /// <summary>
    /// A wish for a plainly good outcome raises no alert from the classifier alone unless a risk cue stands beside it: the
    /// ordinary hope alerted without the guard; a wish that the speaker's family be happy once they are gone or have
    /// forgotten them still alerts.
    /// </summary>
    [Theory]
    [InlineData("I hope my brother gets help for the gambling.", "I hope my kids are happy after I'm gone.", TextLanguage.English)]
    [InlineData("I hope my team gets promoted with me.", "I hope my wife finds someone better than me and forgets me.", TextLanguage.English)]
    [InlineData("아들이 이번에 취업했으면 좋겠어요", "애들이 나 같은 엄마는 잊고 행복하게 컸으면 좋겠어", TextLanguage.Korean)]
    [InlineData("다음 달엔 꼭 여행 가고 싶다 진짜", "차라리 큰 병이라도 걸렸으면 좋겠어요", TextLanguage.Korean)]
    public void Risk_WishForAGoodOutcome_NeedsACue_AndAWishToBeGoneBesideGoodWordsAlerts(string ordinary, string ideation, TextLanguage language)
    {
        Assert.Equal(RiskLevel.None, RiskRules.Assess(ordinary, language).Level);
        Assert.True(ConversationMoves.WishesWell(ordinary, language));
        Assert.False(ConversationMoves.WishesWell(ideation, language) && !RiskCues.Any(ideation, language));
        var unguarded = UtteranceInsight.Shipped.WithThresholds(UtteranceInsight.Shipped.Thresholds with { RiskGoodWishNeedsCue = false });
        Assert.NotEqual(RiskLevel.None, unguarded.Risk(ordinary, language).Level);

        Assert.Equal(RiskAssessment.None, UtteranceInsight.Shipped.Risk(ordinary, language));
        Assert.NotEqual(RiskLevel.None, UtteranceInsight.Shipped.Risk(ideation, language).Level);
    }

    /// <summary>
    /// A wish that a named ordinary thing stop or end raises no alert from the classifier alone where the stop word is its
    /// only risk cue; a wish that everything, living or the speaker's weight on others stop still alerts, and so does a wish
    /// to stop harming oneself, whose harm is a cue of its own.
    /// </summary>
    [Theory]
    [InlineData("I just want the nightmares to end.", "I want it all to end.", TextLanguage.English)]
    [InlineData("I want to be done with the night shifts.", "I want to stop dragging everyone down.", TextLanguage.English)]
    [InlineData("야근 좀 그만했으면 좋겠어요", "다 끝났으면 좋겠어", TextLanguage.Korean)]
    [InlineData("손톱 뜯는 거 그만하고 싶어요", "사는 거 그만하고 싶어", TextLanguage.Korean)]
    [InlineData("층간소음 좀 멈췄으면 좋겠다", "자해하는 거 그만하고 싶어요", TextLanguage.Korean)]
    public void Risk_WishThatAnOrdinaryThingStop_IsNotRisk_AndAWishThatLifeStopIs(string ordinary, string ideation, TextLanguage language)
    {
        Assert.Equal(RiskLevel.None, RiskRules.Assess(ordinary, language).Level);
        Assert.True(ConversationMoves.StopsSomethingOrdinary(ordinary, language));
        Assert.False(ConversationMoves.StopsSomethingOrdinary(ideation, language));
        var unguarded = UtteranceInsight.Shipped.WithThresholds(UtteranceInsight.Shipped.Thresholds with { RiskOrdinaryStopIsNotRisk = false });
        Assert.NotEqual(RiskLevel.None, unguarded.Risk(ordinary, language).Level);

        Assert.Equal(RiskAssessment.None, UtteranceInsight.Shipped.Risk(ordinary, language));
        Assert.NotEqual(RiskLevel.None, UtteranceInsight.Shipped.Risk(ideation, language).Level);
    }

    /// <summary>
    /// A stop word that is not what is wished is not a stop wish ("after the night shift ends I didn't want to get out of
    /// the car"), nor is a stop word after an adverb or a verb's ending ("내 손으로 끝내고", "사고 나서 끝났으면"), nor the
    /// end of everything or of the speaker's own thing ("이 모든 게", "내 시간이").
    /// </summary>
    [Theory]
    [InlineData("오늘 야간 끝나고는 차에서 안 내리고 싶었어요")]
    [InlineData("내 손으로 끝내고 싶어")]
    [InlineData("출근길에 사고 나서 끝났으면 좋겠어")]
    [InlineData("스스로 끝내버리고 싶다")]
    [InlineData("이 모든 게 끝났으면 좋겠어")]
    [InlineData("내 시간이 멈췄으면 좋겠어")]
    public void StopsSomethingOrdinary_NotAStopWordThatIsNotWished_NorTheSpeakersOwnEnd(string text)
    {
        Assert.True(ConversationMoves.Wishes(text, TextLanguage.Korean));
        Assert.False(ConversationMoves.StopsSomethingOrdinary(text, TextLanguage.Korean));
    }

    /// <summary>
    /// Good words that speak of the dead or of being left out are not a good outcome: "passed" is a death, "rather" and
    /// 차라리 prefer something worse, 대신 and 잊 leave the speaker out.
    /// </summary>
    [Theory]
    [InlineData("Since my husband passed I just hope I get to be with him again soon.", TextLanguage.English)]
    [InlineData("I'd rather my family had a happy Christmas without the drama of me.", TextLanguage.English)]
    [InlineData("나 대신 동생이 행복했으면 좋겠어", TextLanguage.Korean)]
    [InlineData("다들 나를 잊고 여행 다니면서 잘 지냈으면", TextLanguage.Korean)]
    public void WishesWell_NotWhereTheSpeakerIsLeftOut(string text, TextLanguage language)
    {
        Assert.True(ConversationMoves.Wishes(text, language));
        Assert.False(ConversationMoves.WishesWell(text, language));
    }

    /// <summary>
    /// A Korean regret (-았으면 좋았을 텐데, -ㄹ걸, time turned back) needs a risk cue as an English one does; a regret that
    /// the speaker was ever borne is not an ordinary regret, and a regret of not having jumped names its means.
    /// </summary>
    [Theory]
    [InlineData("그때 그 차 안 샀으면 좋았을 텐데", "부모님이 나 같은 자식은 안 낳았으면 좋았을 텐데")]
    [InlineData("작년에 이직했더라면 어땠을까", "그날 그냥 뛰어내릴걸")]
    [InlineData("스무 살 때로 돌아가고 싶다", "그날 그냥 뛰어내릴걸")]
    public void Risk_KoreanRegret_NeedsACue_AndARegretOfBeingBorneIsNotOne(string ordinary, string ideation)
    {
        Assert.Equal(RiskLevel.None, RiskRules.Assess(ordinary, TextLanguage.Korean).Level);
        Assert.True(ConversationMoves.Regrets(ordinary, TextLanguage.Korean));
        var unguarded = UtteranceInsight.Shipped.WithThresholds(UtteranceInsight.Shipped.Thresholds with { RiskRegretNeedsCue = false });
        Assert.NotEqual(RiskLevel.None, unguarded.Risk(ordinary, TextLanguage.Korean).Level);

        Assert.Equal(RiskAssessment.None, UtteranceInsight.Shipped.Risk(ordinary, TextLanguage.Korean));
        Assert.NotEqual(RiskLevel.None, UtteranceInsight.Shipped.Risk(ideation, TextLanguage.Korean).Level);
    }

    /// <summary>
    /// The cue lists hold every form of their verbs and the slang for dying: the Korean cue guard (a classifier-only
    /// finding needs a cue unless it is sure) must not hold back "내가 사라져줘야 하나" for the 어 form of 사라지다.
    /// </summary>
    [Theory]
    [InlineData("남편 고생하는 거 보면 내가 사라져줘야 하나 싶어요", TextLanguage.Korean)]
    [InlineData("다 없어져 버렸으면", TextLanguage.Korean)]
    [InlineData("취업도 안 되고 걍 뒤지고 싶다", TextLanguage.Korean)]
    [InlineData("그냥 뒤져 버리고 싶어", TextLanguage.Korean)]
    [InlineData("ngl I've been wanting to off myself since the breakup", TextLanguage.English)]
    [InlineData("some days I just want to unalive", TextLanguage.English)]
    public void RiskCues_HoldEveryFormOfTheirVerbs(string text, TextLanguage language)
    {
        Assert.True(RiskCues.Any(text, language));
    }

    /// <summary>
    /// The means and places a plan names (a balcony's railing, traffic, a belt, a rifle, a hose, a bridge, the tracks, a
    /// rope to tie, a handful of pills, a knife) are cues, as pills and heights were; so is not waking up.
    /// </summary>
    [Theory]
    [InlineData("lately I've been sitting on the railing", TextLanguage.English)]
    [InlineData("I keep thinking about driving into a tree on the way home", TextLanguage.English)]
    [InlineData("I can't honestly tell you the thought of not waking up hasn't been comforting", TextLanguage.English)]
    [InlineData("I bought a hose and some tape", TextLanguage.English)]
    [InlineData("마포대교 가볼까 요즘 자꾸 그런 생각 들어", TextLanguage.Korean)]
    [InlineData("방에 줄 묶을 데가 있나 봤어요", TextLanguage.Korean)]
    [InlineData("약 한 움큼 삼켰어요", TextLanguage.Korean)]
    [InlineData("칼 새로 샀어요", TextLanguage.Korean)]
    public void RiskCues_HoldTheMeansAPlanNames(string text, TextLanguage language)
    {
        Assert.True(RiskCues.Any(text, language));
    }

    /// <summary>
    /// A denial of the act and then what the speaker "just" wants instead, not to be alive or here: the denial covers its
    /// own part, not the wish after its comma, for the phrases and for what the classifier reads.
    /// </summary>
    [Fact]
    public void Assess_DenialThenAWishNotToBeAlive_KeepsTheWish()
    {
        Assert.Equal(RiskLevel.High, RiskRules.Assess("I don't want to kill myself, I just wish I was dead most days.", TextLanguage.English).Level);

        var kept = RiskRules.UnqualifiedClauses("I'd never hurt myself, I just don't want to be here anymore.", TextLanguage.English);
        Assert.NotNull(kept);
        Assert.True(kept.Value.SetAside);
        Assert.Equal("I just don't want to be here anymore", kept.Value.Text);
    }

    /// <summary>A denial and then another wish ("I just want my parents to stop fighting") stays a denial as a whole.</summary>
    [Fact]
    public void Assess_DenialThenAnotherWish_StaysADenial()
    {
        const string text = "I don't want to die or anything, I just want my parents to stop fighting.";

        Assert.Null(RiskRules.UnqualifiedClauses(text, TextLanguage.English));
        Assert.True(RiskRules.Denies(text, TextLanguage.English));
    }

    /// <summary>
    /// Risk told as over, and why, raises nothing, whatever its words (an attempt, cutting, wanting to die) and whatever
    /// the classifier reads in them: the counselor hears it as a denial.
    /// </summary>
    [Theory]
    [InlineData("I tried to kill myself when I was twenty, but I haven't had thoughts like that in years. My kids and my work keep me going.", TextLanguage.English)]
    [InlineData("I used to cut my legs at uni. It's very much behind me now, I've got a great therapist and I'm in a really good place.", TextLanguage.English)]
    [InlineData("I overdosed back in 2011. Nine years sober, and the wanting to die went the same way.", TextLanguage.English)]
    [InlineData("After the divorce I wanted to die. It's been three years and I'm good, honestly.", TextLanguage.English)]
    [InlineData("스물두 살 때 약을 모았던 적이 있어요. 그 뒤로 그런 생각은 한 번도 안 들었어요.", TextLanguage.Korean)]
    [InlineData("고등학교 때 자해했었는데 자해 그만둔 지 벌써 7년째예요.", TextLanguage.Korean)]
    [InlineData("군대에서 죽고 싶다는 생각 많이 했었는데 전역하고 나서 그런 생각 싹 사라졌어요.", TextLanguage.Korean)]
    [InlineData("I used to think about ending it every night in sixth form. It just kind of faded once I left home, and I love my life now.", TextLanguage.English)]
    [InlineData("Back in 2015 I overdosed. That's ancient history now, I've got two kids and a job I like.", TextLanguage.English)]
    [InlineData("스물한 살 때 목을 맨 적이 있어요. 그 마음은 완전히 정리됐고 그 뒤로 돌아온 적은 없어요.", TextLanguage.Korean)]
    [InlineData("스무 살 때 약을 모았었죠. 지금은 진짜 옛날 얘기예요.", TextLanguage.Korean)]
    public void Assess_RiskToldAsOver_RaisesNothing(string text, TextLanguage language)
    {
        Assert.Equal(RiskLevel.None, RiskDetector.Assess(text, language).Level);
        Assert.True(RiskDetector.DeniesRisk(text, language));
    }

    /// <summary>
    /// Risk told as over and then going on (an exception, lately, again, a turn), and words of an ending that are not the
    /// past's (a time without happiness, something no longer needed, peace made, a contact dropped, "it should have ended
    /// then") still alert.
    /// </summary>
    [Theory]
    [InlineData("I used to cut at uni and I haven't in years, except last week when it all got too much.", TextLanguage.English)]
    [InlineData("I tried in 2011 and I've been in a good place since, but lately I'm looking at the pills again.", TextLanguage.English)]
    [InlineData("I haven't felt happy in years and I want to die.", TextLanguage.English)]
    [InlineData("Take my guitar, I don't need it anymore, I won't be around to play it.", TextLanguage.English)]
    [InlineData("I've made my peace with it. I know what I'm going to do on Friday.", TextLanguage.English)]
    [InlineData("자해 그만둔 지 1년 됐는데 어제 또 그었어요.", TextLanguage.Korean)]
    [InlineData("지금은 괜찮은데 밤마다 죽고 싶어요.", TextLanguage.Korean)]
    [InlineData("가족이랑 연락 안 한 지 1년 넘었어요. 다 끝내고 싶어요.", TextLanguage.Korean)]
    [InlineData("그때 끝났어야 했는데, 아직도 살아 있네요.", TextLanguage.Korean)]
    [InlineData("이제 그런 생각 안 해도 되니까 편해요. 유서도 다 써놨어요.", TextLanguage.Korean)]
    [InlineData("My will to live just went away when she died. I keep thinking about joining her.", TextLanguage.English)]
    [InlineData("I was suicidal for months but I'm okay now because I've decided what to do.", TextLanguage.English)]
    [InlineData("대학 졸업했는데 취업도 안 되고 그냥 죽고 싶어요.", TextLanguage.Korean)]
    [InlineData("가족들이랑 작별하는 중이에요. 다 정리됐어요.", TextLanguage.Korean)]
    [InlineData("살고 싶은 마음이 안 들어요. 예전에도 그랬었어요.", TextLanguage.Korean)]
    [InlineData("자해 끊은 지 2년 됐다고 말했었죠. 그게 한 달 전까지는 맞았어요.", TextLanguage.Korean)]
    public void Assess_RiskToldAsOverThenGoingOnOrAnEndingNotPast_StillAlerts(string text, TextLanguage language)
    {
        Assert.NotEqual(RiskLevel.None, RiskDetector.Assess(text, language).Level);
    }

    /// <summary>
    /// A denial the speaker cannot stand behind ("I can't rule it out", "it isn't as if I never") is a refusal of it, with a
    /// risk cue; without one ("the flight might be delayed", "I do see friends") it is not.
    /// </summary>
    [Theory]
    [InlineData("I'd never hurt myself, I think, but I can't rule it out, not the way things are.", true)]
    [InlineData("It isn't as if I never think about ending it.", true)]
    [InlineData("I can't rule it out, the flight might be delayed.", false)]
    [InlineData("It isn't as if I never go out, I do see friends.", false)]
    public void Assess_DenialTheSpeakerCannotStandBehind(string text, bool risk)
    {
        Assert.Equal(risk, RiskRules.Assess(text, TextLanguage.English).Level != RiskLevel.None);
    }

    /// <summary>
    /// A screening question about dying or self-harm answered positively (its item ticked at a frequency, a plan asked
    /// about and admitted) is risk; another item's frequency or a plan for something else is not.
    /// </summary>
    [Theory]
    [InlineData("on the PHQ, question nine, I circled 'more than half the days'", TextLanguage.English, true)]
    [InlineData("the nurse asked if I had a plan and I said yeah, I do", TextLanguage.English, true)]
    [InlineData("on the PHQ I ticked nearly every day for sleep", TextLanguage.English, false)]
    [InlineData("my boss asked if I had a plan for the weekend and I said yes", TextLanguage.English, false)]
    [InlineData("설문에 '죽는 게 낫겠다는 생각' 거기 '절반 이상'에 체크했어요", TextLanguage.Korean, true)]
    [InlineData("방법 생각해 봤냐고요? 네.", TextLanguage.Korean, true)]
    [InlineData("여행 계획 있냐고요? 네, 제주도요", TextLanguage.Korean, false)]
    [InlineData("설문에 잠 못 자는 거 '거의 매일'에 체크했어요", TextLanguage.Korean, false)]
    public void Assess_ScreeningAnsweredPositively(string text, TextLanguage language, bool risk)
    {
        Assert.Equal(risk, RiskRules.Assess(text, language).Level != RiskLevel.None);
    }

    /// <summary>
    /// Risk creeping back is a return, and not dying or a promise not to for a while and no further is safety in doubt;
    /// something else skipped this week is not.
    /// </summary>
    [Theory]
    [InlineData("the dark thoughts are creeping back since I came off the meds", TextLanguage.English, true)]
    [InlineData("it has crept back, the wanting to be dead", TextLanguage.English, true)]
    [InlineData("the results have crept back up, my doctor says", TextLanguage.English, false)]
    [InlineData("이번 주는 안 죽을 거예요. 다음 주는 모르겠어요.", TextLanguage.Korean, true)]
    [InlineData("이번 달은 안 할게요. 약속해요. 그다음은 장담 못 해요.", TextLanguage.Korean, true)]
    [InlineData("이번 주는 운동 안 할 거예요. 다음 주는 모르겠어요.", TextLanguage.Korean, false)]
    public void Assess_RiskCreepingBackOrAPromiseForAWhile(string text, TextLanguage language, bool risk)
    {
        Assert.Equal(risk, RiskRules.Assess(text, language).Level != RiskLevel.None);
    }

    /// <summary>
    /// The wish to be dead in its everyday euphemisms is a phrase of its own (Elevated); the same words about something
    /// else, of someone else's or of a season are not.
    /// </summary>
    [Theory]
    [InlineData("Some nights I feel like I'm out of reasons to stay around.", TextLanguage.English, true)]
    [InlineData("I'd honestly be okay if my heart just stopped in my sleep.", TextLanguage.English, true)]
    [InlineData("Most mornings I'm disappointed that I woke up at all.", TextLanguage.English, true)]
    [InlineData("I have plenty of reasons to stick around, my kids for a start.", TextLanguage.English, false)]
    [InlineData("I was disappointed that I did badly on the exam.", TextLanguage.English, false)]
    [InlineData("The club never had me on the first team, which still stings.", TextLanguage.English, false)]
    [InlineData("요즘은 이번 생은 여기까지구나 싶어요", TextLanguage.Korean, true)]
    [InlineData("돌아가신 엄마 곁으로 가고 싶다는 생각만 해요", TextLanguage.Korean, true)]
    [InlineData("저한테 무슨 일 생기면 우리 강아지 좀 부탁할게요", TextLanguage.Korean, true)]
    [InlineData("할머니가 늘 내가 빨리 가야 너희가 편하지 하셨어요", TextLanguage.Korean, false)]
    [InlineData("이번 겨울 방학은 알차게 보내고 싶어요", TextLanguage.Korean, false)]
    public void Assess_EverydayEuphemismsForTheWishToBeDead(string text, TextLanguage language, bool risk)
    {
        Assert.Equal(risk, RiskRules.Assess(text, language).Level != RiskLevel.None);
    }

    /// <summary>
    /// Hopelessness the rules raise is the speaker's, about themselves, life, the future or everything; a thing that feels
    /// hopeless (emotional reasoning), hopeless at a skill or a label is left to the classifier.
    /// </summary>
    [Theory]
    [InlineData("I feel so hopeless lately.", true)]
    [InlineData("Everything feels hopeless since the divorce.", true)]
    [InlineData("I've been hopeless about the future for months.", true)]
    [InlineData("There's this hopelessness I can't shake.", true)]
    [InlineData("The job hunt feels hopeless, so it probably is.", false)]
    [InlineData("I got lost again, I'm hopeless, a total dunce.", false)]
    [InlineData("Bought another gadget, I'm a hopeless case.", false)]
    [InlineData("I'm hopeless with money and always have been.", false)]
    [InlineData("I'm not hopeless, just tired.", false)]
    public void Assess_HopelessnessIsTheSpeakersNotAThings(string text, bool risk)
    {
        Assert.Equal(risk, RiskRules.Assess(text, TextLanguage.English).Level != RiskLevel.None);
    }

    /// <summary>
    /// A coworker's or a friend online's words retold, and wanting to die of embarrassment, are not the speaker's risk;
    /// wanting to die "as much as" something hard still is.
    /// </summary>
    [Theory]
    [InlineData("같은 부대 동기가 자꾸 다 끝내고 싶다고 해서 걱정이에요", false)]
    [InlineData("야간 같이 도는 선배가 술 마시면 죽고 싶다고 울어요", false)]
    [InlineData("후임이 요즘 '다 끝내고 싶다'는 말을 해요", false)]
    [InlineData("트친이 자해 사진 올려서 DM 보냈어", false)]
    [InlineData("발표 망해서 쥐구멍에 들어가 죽고 싶었어요 ㅋㅋ", false)]
    [InlineData("회의에서 실수해서 죽고 싶을 만큼 창피했어요", false)]
    [InlineData("요즘 죽고 싶을 만큼 힘들어요", true)]
    [InlineData("선배가 혼낼 때마다 죽고 싶어요", true)]
    public void Assess_KoreanWordsRetoldOrEmbarrassment_AreNotTheSpeakersRisk(string text, bool risk)
    {
        Assert.Equal(risk, RiskRules.Assess(text, TextLanguage.Korean).Level != RiskLevel.None);
    }

    /// <summary>
    /// Affairs settled for a time after the speaker are farewell behaviour, even with a "don't" of their own; the same acts
    /// for an ordinary reason, or someone else's goodbye, are not.
    /// </summary>
    [Theory]
    [InlineData("I sold the car and closed my savings account, I don't want to leave a mess behind.", true)]
    [InlineData("I've handed over my passwords so nobody's stuck with my accounts.", true)]
    [InlineData("Could you make sure my rabbit gets a good home once I'm not around?", true)]
    [InlineData("If I'm not here next month, none of this is on you.", true)]
    [InlineData("I said my goodbyes to my sisters on Sunday.", true)]
    [InlineData("I paid off the credit card so I can finally start saving.", false)]
    [InlineData("My neighbour said goodbye before moving to Leeds.", false)]
    [InlineData("Once I'm not so tired I'll call her back.", false)]
    public void Assess_AffairsSettledForAfterTheSpeaker_AreFarewells(string text, bool risk)
    {
        Assert.Equal(risk, RiskRules.Assess(text, TextLanguage.English).Level != RiskLevel.None);
    }

    /// <summary>
    /// Plans and means in everyday words (a date set, a plan owned, methods looked up, someone's meds kept back, how much
    /// would be enough) and being dead welcomed are risk; a wedding date, a plan for something, a question about a plan,
    /// meds collected from the pharmacy and "how I'd do it differently" are not.
    /// </summary>
    [Theory]
    [InlineData("Honestly? I've set a date.", true)]
    [InlineData("Yes. I have a plan.", true)]
    [InlineData("I spent last night looking up methods again.", true)]
    [InlineData("I've been collecting my mum's old tablets instead of returning them.", true)]
    [InlineData("How many of my sleeping pills would be enough, do you think?", true)]
    [InlineData("I wouldn't mind being dead, to be honest.", true)]
    [InlineData("My sister would be better rested, I'd be doing her a favour by dying.", true)]
    [InlineData("We've finally set a date for the wedding.", false)]
    [InlineData("I've got a plan for the garden this spring.", false)]
    [InlineData("Do I have a plan? No, nothing like that.", false)]
    [InlineData("I'm collecting my meds from the pharmacy after work.", false)]
    [InlineData("If I ran that meeting again, I know how I'd do it differently.", false)]
    [InlineData("My patient had stockpiled his tablets, so I told the ward sister.", false)]
    // .NET 10.0.12's compiled engine threw IndexOutOfRangeException on this text for a lazy loop of words after "researching".
    [InlineData("I was researching for a psych essay, that's all.", false)]
    public void Assess_PlansMeansAndBeingDeadWelcomed_InEverydayWords(string text, bool risk)
    {
        Assert.Equal(risk, RiskRules.Assess(text, TextLanguage.English).Level != RiskLevel.None);
    }

    /// <summary>
    /// Korean euphemisms, plans, stopped attempts and goodbyes ahead of time (a life quit like a job, "bad thoughts", a
    /// winter not to be got through, a date set, pills and an ambulance, a pet handed on for good) are risk; their denials,
    /// a wedding date, a thing not to be bought, cold medicine and a dog walked for someone are not.
    /// </summary>
    [Theory]
    [InlineData("요즘은 그냥 인생 퇴사하고 싶다는 생각뿐이에요", true)]
    [InlineData("밤마다 나쁜 생각이 자꾸 들어요", true)]
    [InlineData("올겨울은 못 넘길 것 같아요", true)]
    [InlineData("대학교 때 옥상에서 뛰어내리려다가 경비 아저씨한테 들켰어요", true)]
    [InlineData("저 혼자 조용히 날짜 정했어요", true)]
    [InlineData("나쁜 생각 하는 거 아니에요, 그냥 좀 지쳤어요", false)]
    [InlineData("드디어 결혼 날짜 정했어요!", false)]
    [InlineData("그 가방은 살 생각 없어요", false)]
    [InlineData("수면제 털어 넣고 누워 있다가 동생이 구급차 불렀어요", true)]
    [InlineData("아빠한테 미리 사랑한다고 해 뒀어요", true)]
    [InlineData("제 고양이 평생 잘 맡아 달라고 언니한테 부탁했어요", true)]
    [InlineData("감기약 먹고 푹 잤더니 나았어요", false)]
    [InlineData("강아지 산책 좀 부탁한다고 했어요", false)]
    public void Assess_KoreanEuphemismsPlansAndStoppedAttempts(string text, bool risk)
    {
        Assert.Equal(risk, RiskRules.Assess(text, TextLanguage.Korean).Level != RiskLevel.None);
    }

    /// <summary>
    /// A way out planned or made peace with, a gun kept in mind, an attempt's first handful, envy of the dead, urges to burn
    /// oneself and "kms" as a want are risk; a way out of a job, a gun at the range and "kms lol" are not.
    /// </summary>
    [Theory]
    [InlineData("Nobody knows I've been planning my way out.", true)]
    [InlineData("I think I've made my peace with dying.", true)]
    [InlineData("There's a rifle in my uncle's garage and I keep thinking about it.", true)]
    [InlineData("I swallowed a handful and then called an ambulance myself.", true)]
    [InlineData("Every time someone famous dies I feel envious of them.", true)]
    [InlineData("The urges to burn myself came back this week.", true)]
    [InlineData("honestly i wanna kms", true)]
    [InlineData("I found a way out of that contract, thank god.", false)]
    [InlineData("We went shooting with Dad's rifle at the range on Sunday.", false)]
    [InlineData("this essay is due at 9, kms lol", false)]
    public void Assess_AWayOutMeansInMindAndEnvyOfTheDead(string text, bool risk)
    {
        Assert.Equal(risk, RiskRules.Assess(text, TextLanguage.English).Level != RiskLevel.None);
    }

    /// <summary>Wanting to disappear to a place or for a spell is a holiday; wanting to disappear, or to disappear for good, is not.</summary>
    [Theory]
    [InlineData("Some days I just want to disappear to a cottage with no signal.", false)]
    [InlineData("I want to disappear for a week after this exam.", false)]
    [InlineData("I just want to disappear.", true)]
    [InlineData("I want to disappear for good.", true)]
    public void Assess_WantingToDisappearSomewhere_IsAHoliday(string text, bool risk)
    {
        Assert.Equal(risk, RiskRules.Assess(text, TextLanguage.English).Level != RiskLevel.None);
    }

    /// <summary>What was said, said to mean something else, or being low said not to mean wanting to die, is a denial; said and meant is not.</summary>
    [Theory]
    [InlineData("When I said I can't go on I meant with the thesis, not with life.", false)]
    [InlineData("The 'I can't do this anymore' was about my commute, honestly.", false)]
    [InlineData("When I said I can't go on, I meant it.", true)]
    [InlineData("I can't do this anymore and I mean every word.", true)]
    [InlineData("Feeling flat doesn't mean I'm going to hurt myself.", false)]
    [InlineData("I've been low, but wanting to die isn't part of it.", false)]
    [InlineData("Feeling flat doesn't mean much, I still want to die most days.", true)]
    public void Assess_WhatWasSaidMeantSomethingElse_IsADenial(string text, bool risk)
    {
        Assert.Equal(risk, RiskRules.Assess(text, TextLanguage.English).Level != RiskLevel.None);
    }

    /// <summary>"Not once or twice" (한두 번이 아니야) says it happened many times: the phrase before it is not denied.</summary>
    [Fact]
    public void Assess_NotOnceOrTwice_IsNotADenial()
    {
        Assert.NotEqual(RiskLevel.None, RiskRules.Assess("솔직히 자살 생각 해봤어 한두 번이 아니야", TextLanguage.Korean).Level);
        Assert.Equal(RiskLevel.None, RiskRules.Assess("자살 생각 해본 거 아니야", TextLanguage.Korean).Level);
    }

    /// <summary>뒤지다 is a cue only as dying: rummaging and falling behind are not (a plan to look something up stays a plan).</summary>
    [Theory]
    [InlineData("자료 좀 더 뒤져 볼게요")]
    [InlineData("가방을 뒤졌는데 없더라")]
    [InlineData("성적이 뒤지지 않게 공부해요")]
    public void RiskCues_KoreanRummagingIsNotDying(string text)
    {
        Assert.False(RiskCues.Any(text, TextLanguage.Korean));
    }

    /// <summary>What the wish guard reads as a wish: wanting, hoping, wishing, not words that only look like them.</summary>
    [Theory]
    [InlineData("I wish I'd called her back.", true, TextLanguage.English)]
    [InlineData("I really want to be a better mom.", true, TextLanguage.English)]
    [InlineData("If only I had more time.", true, TextLanguage.English)]
    [InlineData("I'd love a weekend off.", true, TextLanguage.English)]
    [InlineData("I called her back yesterday.", false, TextLanguage.English)]
    [InlineData("Nobody would notice.", false, TextLanguage.English)]
    [InlineData("여행 가고 싶어요", true, TextLanguage.Korean)]
    [InlineData("시험 붙었으면 좋겠다", true, TextLanguage.Korean)]
    [InlineData("엄마가 건강하시길 바라요", true, TextLanguage.Korean)]
    [InlineData("이번 주가 그냥 다 끝났으면", true, TextLanguage.Korean)]
    [InlineData("It takes too long to load.", false, TextLanguage.English)]
    [InlineData("I had a dream about my old school.", false, TextLanguage.English)]
    [InlineData("창밖만 바라보고 있었어요", false, TextLanguage.Korean)]
    [InlineData("빌어먹을 버스가 또 늦었어", false, TextLanguage.Korean)]
    [InlineData("밥 먹으면 해결될 거예요", false, TextLanguage.Korean)]
    [InlineData("요즘 혼자 있으면 자꾸 생각이 많아져요", false, TextLanguage.Korean)]
    [InlineData("어제 친구 만났어요", false, TextLanguage.Korean)]
    [InlineData("다들 나 없으면 편할 거야", false, TextLanguage.Korean)]
    public void Wishes_ReadsWanting_HopingAndWishing(string text, bool wishes, TextLanguage language)
    {
        Assert.Equal(wishes, ConversationMoves.Wishes(text, language));
    }

    /// <summary>
    /// The question guard asks more of the classifier only where the words ask something: a question the phrase rules
    /// name as risk alerts whatever the guard, and the same words said as a statement are not held back.
    /// </summary>
    [Theory]
    [InlineData("Should I just kill myself?", TextLanguage.English)]
    [InlineData("그냥 죽어버릴까?", TextLanguage.Korean)]
    public void Risk_QuestionTheRulesName_AlertsBehindTheQuestionGuard(string text, TextLanguage language)
    {
        Assert.NotEqual(RiskLevel.None, QuestionsGuarded.Value.Risk(text, language).Level);
    }

    [Fact]
    public void Risk_ClassifierOnlyFinding_IsHeldBackByTheQuestionGuardOnlyWhenTheWordsAsk()
    {
        const string statement = "Everyone would be fine if I just disappeared one day.";
        const string question = "Would everyone be fine if I just disappeared one day?";
        Assert.Equal(RiskLevel.None, RiskRules.Assess(question, TextLanguage.English).Level);
        Assert.NotEqual(RiskLevel.None, UtteranceInsight.Shipped.Risk(question, TextLanguage.English).Level);

        Assert.Equal(RiskAssessment.None, QuestionsGuarded.Value.Risk(question, TextLanguage.English));
        Assert.NotEqual(RiskLevel.None, QuestionsGuarded.Value.Risk(statement, TextLanguage.English).Level);
    }

    [Theory]
    [InlineData("I want to kill myself.")]
    [InlineData("Sometimes I think about ending my life.")]
    [InlineData("I don't want to live anymore.")]
    [InlineData("Everyone would be better off without me.")]
    [InlineData("I've been having suicidal thoughts again.")]
    [InlineData("I wish I were dead.")]
    [InlineData("I just want to die.")]
    [InlineData("I’m going to kill myself tonight.")]
    [InlineData("I'm planning to take all my pills.")]
    [InlineData("I want to end it all.")]
    public void Assess_EnglishSuicidalIntent_IsHigh(string text)
    {
        var risk = RiskDetector.Assess(text, TextLanguage.English);

        Assert.Equal(RiskLevel.High, risk.Level);
        Assert.NotNull(risk.Evidence);
        Assert.Equal(risk.Evidence.Text, text.Substring(risk.Evidence.Start, risk.Evidence.Length));
    }

    [Theory]
    [InlineData("죽고 싶다.")]
    [InlineData("요즘 그냥 죽고 싶어요")]
    [InlineData("살고 싶지 않아")]
    [InlineData("더 이상 살 이유가 없어.")]
    [InlineData("자살하고 싶다는 생각이 계속 들어")]
    [InlineData("차라리 죽는 게 나을 것 같아")]
    [InlineData("내가 없어지면 다들 편할 거야")]
    [InlineData("어제 손목을 그었어")]
    [InlineData("살기 싫어")]
    [InlineData("목숨을 끊고 싶어")]
    [InlineData("회사에서 깨지고 집에 와서 씻지도 않고 누워서 핸드폰으로 죽는 방법 검색하다가 잠들어요")]
    [InlineData("시험 망치고 나서 고통 없이 죽는 방법 계속 찾아보고 있어 ㅋㅋ 웃기지")]
    [InlineData("병원에서 받은 수면제 요즘 안 먹고 서랍에 모아두고 있어요, 혹시 몰라서")]
    [InlineData("애들 학교 서류 정리하면서 유서도 미리 써 놨어요 그냥 그렇게 됐어요")]
    [InlineData("엄마 돌아가시고 나서 일 년 내내 나도 그냥 따라가고 싶어요 진짜로")]
    [InlineData("엄마 돌아가시고 따라가고 싶어요")]
    [InlineData("남편 먼저 간 뒤로 따라가고 싶어요")]
    [InlineData("과제 때문에 너무 힘들어서 죽는 방법 검색해 봤어")]
    [InlineData("감정 컨트롤이 안 돼서 죽는 방법 찾아봤어요")]
    [InlineData("수면제 모아 둔 게 한 통 있어요")]
    [InlineData("폰에 유서 남겨 뒀어요")]
    public void Assess_KoreanSuicidalIntent_IsHigh(string text)
    {
        var risk = RiskDetector.Assess(text, TextLanguage.Korean);

        Assert.Equal(RiskLevel.High, risk.Level);
        Assert.NotNull(risk.Evidence);
    }

    [Theory]
    [InlineData("This homework is killing me.")]
    [InlineData("I'm dying to see that movie.")]
    [InlineData("I'd kill for a coffee right now.")]
    [InlineData("I almost died laughing at his joke.")]
    [InlineData("I'm going to die of embarrassment.")]
    [InlineData("We watched The Suicide Squad last night.")]
    [InlineData("My phone died during the call.")]
    [InlineData("I want to live in Seoul someday.")]
    [InlineData("I went to the library with my sister.")]
    [InlineData("My feet are killing me after that hike.")]
    [InlineData("If I have to sit through one more quarterly review meeting, I'll shoot myself.")]
    [InlineData("Saying yes to that would be shooting myself in the foot.")]
    [InlineData("We laughed so hard I thought I was going to die.")]
    [InlineData("I'm hopeless at parallel parking.")]
    [InlineData("My meds saved my life last year.")]
    public void Assess_EnglishHyperboleAndOrdinarySpeech_IsNone(string text)
    {
        Assert.Equal(RiskLevel.None, RiskDetector.Assess(text, TextLanguage.English).Level);
    }

    /// <summary>Someone else's act or words, or suicide talked about in general, is not the speaker's risk.</summary>
    [Theory]
    [InlineData("My cousin attempted suicide last spring and we're all still shaken.")]
    [InlineData("The novel is about a girl who self-harms.")]
    [InlineData("My sister has been self-harming and I don't know how to help her.")]
    [InlineData("Suicide rates among farmers are rising, it was on the radio.")]
    [InlineData("My dad keeps saying we'd all be better off without him.")]
    public void Assess_SomeoneElsesActOrWords_IsNone(string text)
    {
        Assert.Equal(RiskLevel.None, RiskDetector.Assess(text, TextLanguage.English).Level);
    }

    /// <summary>The speaker's own risk words beside someone else's story, or hopelessness about the future, still alert.</summary>
    [Theory]
    [InlineData("My brother killed himself and I want to kill myself too.")]
    [InlineData("After what my dad did to himself, I keep thinking I should end my life.")]
    [InlineData("If I have to face one more day like this I'll kill myself.")]
    [InlineData("I feel hopeless about the future.")]
    public void Assess_SpeakersOwnRiskBesideSomeoneElsesOrAnIdiom_StillAlerts(string text)
    {
        Assert.NotEqual(RiskLevel.None, RiskDetector.Assess(text, TextLanguage.English).Level);
    }

    [Theory]
    [InlineData("배고파 죽겠다")]
    [InlineData("힘들어 죽겠어")]
    [InlineData("좋아 죽겠어!")]
    [InlineData("웃겨 죽는 줄 알았어")]
    [InlineData("어제 차에 치여 죽을 뻔했어")]
    [InlineData("더워 죽겠네")]
    [InlineData("나는 어제 영화를 봤어요")]
    [InlineData("오늘 도서관에 갔어요")]
    [InlineData("보고 싶어 죽겠다")]
    [InlineData("버스에서 내려서 걸어왔어")]
    public void Assess_KoreanIntensifierIdiomsAndOrdinarySpeech_IsNone(string text)
    {
        Assert.Equal(RiskLevel.None, RiskDetector.Assess(text, TextLanguage.Korean).Level);
    }

    /// <summary>A denial raises no alert (issue 15): it used to be Elevated "so a counselor still sees it", which taught counselors to ignore alerts.</summary>
    [Theory]
    [InlineData("I would never kill myself, don't worry.", TextLanguage.English)]
    [InlineData("I don't want to die, I just want the pain to stop.", TextLanguage.English)]
    [InlineData("I'm not suicidal, just really tired of work.", TextLanguage.English)]
    [InlineData("When you asked about hurting myself, the answer's still no.", TextLanguage.English)]
    [InlineData("Self-harm? That's never been me.", TextLanguage.English)]
    [InlineData("죽고 싶지는 않아", TextLanguage.Korean)]
    [InlineData("자살할 생각은 없어요", TextLanguage.Korean)]
    public void Assess_Denial_RaisesNothing(string text, TextLanguage language)
    {
        Assert.Equal(RiskAssessment.None, RiskDetector.Assess(text, language));
    }

    [Theory]
    [InlineData("I feel completely hopeless.", TextLanguage.English)]
    [InlineData("I can't take this anymore.", TextLanguage.English)]
    [InlineData("I cut myself shaving.", TextLanguage.English)]
    [InlineData("죽고 싶을 만큼 힘들어", TextLanguage.Korean)]
    [InlineData("그냥 사라지고 싶어", TextLanguage.Korean)]
    [InlineData("희망이 없어", TextLanguage.Korean)]
    public void Assess_IndirectLanguage_AlertsWithEvidence(string text, TextLanguage language)
    {
        var risk = RiskDetector.Assess(text, language);

        Assert.NotEqual(RiskLevel.None, risk.Level);
        Assert.NotNull(risk.Evidence);
        Assert.NotNull(risk.Severity);
    }

    [Theory]
    [InlineData("Everyone would honestly be better off if I wasn't around.", TextLanguage.English, RiskSeverity.Ideation)]
    [InlineData("I've been saving up my sleeping pills in a drawer.", TextLanguage.English, RiskSeverity.PlanMeans)]
    [InlineData("I cut my arm again last night.", TextLanguage.English, RiskSeverity.Act)]
    public void Assess_RiskFamilies_AlertWithTheirLevel(string text, TextLanguage language, RiskSeverity severity)
    {
        var risk = RiskDetector.Assess(text, language);

        Assert.NotEqual(RiskLevel.None, risk.Level);
        Assert.Equal(severity, risk.Severity);
    }

    [Theory]
    [InlineData("I'd never kill myself but I've been saving up my sleeping pills in a drawer.", TextLanguage.English, "saving up my sleeping pills")]
    [InlineData("I'm not suicidal, though everyone would honestly be better off if I wasn't around.", TextLanguage.English, "better off if I wasn't around")]
    [InlineData("Zero thoughts of suicide on the form, but honestly I've been saving up my pills.", TextLanguage.English, "saving up my pills")]
    [InlineData("설문은 '없음'에 체크했는데 사실 약을 모아두고 있어요", TextLanguage.Korean, "약을 모아두")]
    public void Assess_RiskClauseAfterDenial_AlertsOnThatClause(string text, TextLanguage language, string inEvidence)
    {
        var risk = RiskDetector.Assess(text, language);

        Assert.NotEqual(RiskLevel.None, risk.Level);
        Assert.Contains(inEvidence, risk.Evidence!.Text, StringComparison.Ordinal);
        Assert.Equal(text.Substring(risk.Evidence.Start, risk.Evidence.Length), risk.Evidence.Text);
    }

    [Theory]
    [InlineData("Killing myself has never been on the table for me, not once.", TextLanguage.English)]
    [InlineData("The doctor asked about thoughts of harming myself and I said no.", TextLanguage.English)]
    [InlineData("My friend told me she'd been having suicidal thoughts and I want to help her.", TextLanguage.English)]
    [InlineData("친구가 어제 죽고 싶다는 말을 해서 너무 걱정돼요", TextLanguage.Korean)]
    [InlineData("저 안전해요. 오늘은 그냥 좀 지쳤어요", TextLanguage.Korean)]
    public void Assess_DenialOrRetoldWordsTheNegationCheckMisses_RaisesNothing(string text, TextLanguage language)
    {
        Assert.Equal(RiskAssessment.None, RiskDetector.Assess(text, language));
    }

    /// <summary>Denials the earlier checks missed: an echoed question answered by a denial, a "never wanted to", someone else's fear, "not to the point of".</summary>
    [Theory]
    [InlineData("자살이요? 그런 생각은 한 번도 안 해봤어요", TextLanguage.Korean)]
    [InlineData("살기 싫다까진 아니고 그냥 요즘 좀 피곤해요", TextLanguage.Korean)]
    [InlineData("I've never wanted to die, I'm just worn out by the commute.", TextLanguage.English)]
    [InlineData("My sister worries I'll hurt myself, but I'm nowhere near that.", TextLanguage.English)]
    public void Assess_EchoedQuestionOrOthersFearAnsweredByADenial_RaisesNothing(string text, TextLanguage language)
    {
        Assert.Equal(RiskAssessment.None, RiskDetector.Assess(text, language));
    }

    /// <summary>
    /// Denials in forms the blind hard-case writers used (session 33): a screening answered zero, "not the kind of person",
    /// nothing that makes them want it, a question echoed and answered "God, no", the words meant something else.
    /// </summary>
    [Theory]
    [InlineData("The intake form asked about it, zero thoughts of suicide, I just can't sleep.", TextLanguage.English)]
    [InlineData("Cutting has never been something I'd do, even on the worst days.", TextLanguage.English)]
    [InlineData("I'm the last person who'd hurt myself, I cry at a paper cut.", TextLanguage.English)]
    [InlineData("None of it makes me want to die, it makes me want a new job.", TextLanguage.English)]
    [InlineData("Am I going to kill myself? God, no. I'm going to Spain next month.", TextLanguage.English)]
    [InlineData("Self-harm isn't a thing for me, it never was.", TextLanguage.English)]
    [InlineData("사라지고 싶다고 한 건 연락 끊고 쉬고 싶다는 거지 그 뜻 아니야", TextLanguage.Korean)]
    [InlineData("자해해 본 적 있냐고요? 한 번도 없어요.", TextLanguage.Korean)]
    public void Assess_DenialByScreeningAnswerOrKindOfPerson_RaisesNothing(string text, TextLanguage language)
    {
        Assert.Equal(RiskAssessment.None, RiskDetector.Assess(text, language));
    }

    /// <summary>The same denials' words beside risk said in the same clause or part: the risk still alerts.</summary>
    [Theory]
    [InlineData("I have zero thoughts of the future, I just want to die.", TextLanguage.English)]
    [InlineData("Nothing about this makes me want to live, I've been looking up how many pills it would take.", TextLanguage.English)]
    [InlineData("Zero on the safety question, and I lied, I've already written the notes.", TextLanguage.English)]
    [InlineData("그 뜻이 아니라 진짜 죽고 싶다는 거예요", TextLanguage.Korean)]
    [InlineData("그런 뜻 아니고 진짜 죽고 싶어", TextLanguage.Korean)]
    public void Assess_RiskBesideTheNewDenialWords_StillAlerts(string text, TextLanguage language)
    {
        Assert.NotEqual(RiskLevel.None, RiskDetector.Assess(text, language).Level);
    }

    /// <summary>
    /// A denial the speaker will not make or undoes, beside a risk cue, is a rules' finding (Elevated, unless a phrase of it
    /// says more) with its evidence (the classifier learned negated risk words as denials and reads these as none); the
    /// speaker's safety in doubt needs no cue.
    /// </summary>
    [Theory]
    [InlineData("Honestly, I can't tell you I won't hurt myself this weekend.", TextLanguage.English, "hurt myself")]
    [InlineData("I'm not going to pretend the thought of dying hasn't been there most nights.", TextLanguage.English, "dying")]
    [InlineData("I'm not not thinking about suicide, if you see what I mean.", TextLanguage.English, "suicide")]
    [InlineData("I told the GP I was fine about the pills. That wasn't true.", TextLanguage.English, "pills")]
    [InlineData("I don't feel like talking much. I'm not sure I'm safe right now.", TextLanguage.English, "safe")]
    [InlineData("퇴근길에 다리 건널 때 뛰어내릴 생각이 없다고는 못 하겠어요", TextLanguage.Korean, "뛰어내릴")]
    [InlineData("끝내는 방법을 생각 안 해본 건 아니에요", TextLanguage.Korean, "끝내는")]
    [InlineData("엄마한테는 그런 생각 없다고 했는데 사실 매일 죽는 상상 해요", TextLanguage.Korean, "죽는")]
    [InlineData("오늘은 안전해요. 내일은 장담 못 하겠어요", TextLanguage.Korean, "장담")]
    public void Assess_DenialRefusedOrUndone_BesideARiskCue_AlertsWithItsClause(string text, TextLanguage language, string inEvidence)
    {
        AssertRulesFind(text, language, inEvidence);
        Assert.NotEqual(RiskLevel.None, RiskDetector.Assess(text, language).Level);
    }

    /// <summary>
    /// A screening question about the speaker's risk, answered and the answer taken back: the question is the cue ("I said
    /// no. I do have one" holds no risk word). In Korean "that thought" (그런 생각) is one.
    /// </summary>
    [Theory]
    [InlineData("The counselor at school asked if I had a plan and I said no. I do have one, I just didn't want my parents called.", TextLanguage.English, "I do have one")]
    [InlineData("You asked me if I was safe last week and I said yes. I'm not really.", TextLanguage.English, "I'm not really")]
    [InlineData("When the nurse asked one to ten how likely, I said a three. It's more like a nine.", TextLanguage.English, "more like a nine")]
    [InlineData("선생님이 물어보셨을 때 없다고 했는데 사실 그런 생각 자주 해요", TextLanguage.Korean, "그런 생각")]
    public void Assess_ScreeningAnswerTakenBack_AlertsWithoutARiskWord(string text, TextLanguage language, string inEvidence)
    {
        AssertRulesFind(text, language, inEvidence);
    }

    /// <summary>The counselor's question answered yes with "that thought" (그런 생각 해요): the rules' finding from the answer on; denied, nothing.</summary>
    [Fact]
    public void Assess_KoreanQuestionAnsweredYes_AlertsAndDeniedDoesNot()
    {
        AssertRulesFind("아까 물어보신 거요, 네, 그런 생각 해요 요즘", TextLanguage.Korean, "그런 생각 해요");
        Assert.Equal(RiskLevel.None, RiskRules.Assess("질문하신 거, 그런 생각 안 해요", TextLanguage.Korean).Level);
    }

    /// <summary>A question about something else answered and corrected, or a Korean answer called true (사실이에요): the rules find nothing.</summary>
    [Theory]
    [InlineData("My boss asked if the plan was safe and I said yes, but I'm not really sure.", TextLanguage.English)]
    [InlineData("She asked if I had a plan for the weekend and I said no. I do have one now, we're going hiking.", TextLanguage.English)]
    [InlineData("The pharmacist asked if I was safe to drive on these and I said yes. I'm not really, they make me drowsy.", TextLanguage.English)]
    [InlineData("보건 선생님이 그런 생각 해본 적 있냐고 물어서 없다고 했어요. 사실이에요.", TextLanguage.Korean)]
    public void Assess_OtherQuestionOrTrueAnswer_TheRulesFindNothing(string text, TextLanguage language)
    {
        Assert.Equal(RiskLevel.None, RiskRules.Assess(text, language).Level);
    }

    /// <summary>Someone else's risk, told first, taken by the speaker as their own: the rules' finding from the speaker's clause on.</summary>
    [Theory]
    [InlineData("My neighbour jumped from the car park last spring, and honestly I get why.", TextLanguage.English, "I get why")]
    [InlineData("My sister used to cut and I've been doing it too since Christmas.", TextLanguage.English, "doing it too")]
    [InlineData("That singer who overdosed, I was kind of jealous when I heard.", TextLanguage.English, "jealous")]
    [InlineData("친구가 작년에 스스로 떠났는데 요즘 나도 그래. 걔 마음 알 것 같아", TextLanguage.Korean, "나도 그래")]
    [InlineData("드라마에서 주인공이 약을 먹는 장면 보면서 부러웠어요", TextLanguage.Korean, "부러웠어요")]
    public void Assess_SomeoneElsesRiskTakenAsTheSpeakersOwn_AlertsWithTheSpeakersClause(string text, TextLanguage language, string inEvidence)
    {
        AssertRulesFind(text, language, inEvidence);
    }

    /// <summary>Risk said as a joke and then said not to be one: the rules' finding, the whole utterance as its evidence.</summary>
    [Theory]
    [InlineData("I joke that I'll jump off the pier one day, lol. I'm not really joking.", TextLanguage.English, "jump off the pier")]
    [InlineData("My group chat thinks it's a joke when I say I'll be gone by spring. Thing is, I've counted the pills.", TextLanguage.English, "gone by spring")]
    [InlineData("맨날 농담으로 한강 간다고 하는데 요즘은 진심이에요", TextLanguage.Korean, "한강")]
    public void Assess_JokeAboutRiskTakenBack_AlertsFromTheJoke(string text, TextLanguage language, string inEvidence)
    {
        AssertRulesFind(text, language, inEvidence);
    }

    /// <summary>The rules find risk in <paramref name="text"/>, with evidence that is a span of it holding <paramref name="inEvidence"/>.</summary>
    private static void AssertRulesFind(string text, TextLanguage language, string inEvidence)
    {
        var rules = RiskRules.Assess(text, language);

        Assert.NotEqual(RiskLevel.None, rules.Level);
        Assert.Contains(inEvidence, rules.Evidence!.Text, StringComparison.Ordinal);
        Assert.Equal(text.Substring(rules.Evidence.Start, rules.Evidence.Length), rules.Evidence.Text);
    }

    /// <summary>
    /// Risk that had stopped and is back, a denial with an exception after it, or a promise not to act that holds only for
    /// a while: the rules' finding from the return on (the classifier reads the stopped part and calls these none).
    /// </summary>
    [Theory]
    [InlineData("The cutting stopped over the summer, but since term started the urges are back and I did it on Friday.", TextLanguage.English, "urges are back")]
    [InlineData("I was doing better for months and now I'm back to thinking about ending it.", TextLanguage.English, "back to thinking")]
    [InlineData("I haven't hurt myself in weeks, well, until last night.", TextLanguage.English, "until last night")]
    [InlineData("Not tonight anyway. That's the best promise I can give you.", TextLanguage.English, "promise")]
    [InlineData("상담 받고 나서 한참 괜찮았는데 이번 달에 다시 그 생각이 나요", TextLanguage.Korean, "다시 그 생각")]
    [InlineData("그런 생각 안 한 지 석 달 됐었는데 어제 또 그랬어요", TextLanguage.Korean, "또 그랬어요")]
    public void Assess_RiskThatStoppedAndIsBack_AlertsFromTheReturn(string text, TextLanguage language, string inEvidence)
    {
        AssertRulesFind(text, language, inEvidence);
    }

    /// <summary>
    /// A segment as long as the API takes, padded with what the return's patterns repeat (a better time, a bounded
    /// promise's words), reads as its last sentence alone: the patterns' gaps are bounded, so they stay within the analysis
    /// regex timeout.
    /// </summary>
    [Theory]
    [InlineData("괜찮았는데 안 했어 ", "한동안 괜찮았는데 다시 그 생각이 나요", TextLanguage.Korean)]
    [InlineData("not today anyway, not gonna do it before ", "They're back now and I can't stop thinking about the pills.", TextLanguage.English)]
    public void Assess_LongestSegmentPaddedWithWhatTheReturnsRepeat_ReadsAsItsLastSentence(string padding, string last, TextLanguage language)
    {
        var padded = string.Concat(Enumerable.Repeat(padding, (5000 - last.Length) / padding.Length)) + last;

        Assert.NotEqual(RiskLevel.None, RiskRules.Assess(last, language).Level);
        Assert.Equal(RiskRules.Assess(last, language).Level, RiskRules.Assess(padded, language).Level);
    }

    /// <summary>Something else that came back, a return to living, or a return denied: the rules find nothing.</summary>
    [Theory]
    [InlineData("The blood test came back and the doctor said the pain is nothing serious.", TextLanguage.English)]
    [InlineData("I'm back at work now and honestly the exhaustion has eased off.", TextLanguage.English)]
    [InlineData("No, I haven't started again, the last time I cut was two years ago.", TextLanguage.English)]
    [InlineData("Not this week anyway, I'm swamped with deadlines and I'm exhausted.", TextLanguage.English)]
    [InlineData("한동안 괜찮았는데 다시 운동 시작했어요. 살 것 같아요", TextLanguage.Korean)]
    [InlineData("그때는 힘들어서 포기하고 싶었는데 지금은 괜찮아졌어요. 다시는 그런 생각 안 해요", TextLanguage.Korean)]
    public void Assess_SomethingElseCameBackOrNothingDid_TheRulesFindNothing(string text, TextLanguage language)
    {
        Assert.Equal(RiskLevel.None, RiskRules.Assess(text, language).Level);
    }

    /// <summary>A joke with death words left a joke, or a joke taken back about something else: the rules find nothing.</summary>
    [Theory]
    [InlineData("I joke that my job is killing me, and honestly it's fine, I love it.", TextLanguage.English)]
    [InlineData("The meeting was funny, seriously, we laughed until the end.", TextLanguage.English)]
    [InlineData("친구들이랑 농담하다가 배 아파 죽는 줄 알았어 ㅋㅋ", TextLanguage.Korean)]
    [InlineData("회사 그만둔다는 건 농담이지 ㅋㅋ 진심 아님", TextLanguage.Korean)]
    [InlineData("회사 그만둔다고 한 건 장난이었어요, 진심은 아니에요", TextLanguage.Korean)]
    [InlineData("ㅎㅎ 진심으로 감사했어요. 마지막 상담이라 아쉬워요", TextLanguage.Korean)]
    public void Assess_JokeLeftAJoke_TheRulesFindNothing(string text, TextLanguage language)
    {
        Assert.Equal(RiskLevel.None, RiskRules.Assess(text, language).Level);
    }

    /// <summary>The same words without someone else's risk before them, or as the other person's own words: the rules find nothing.</summary>
    [Theory]
    [InlineData("My friend finished her thesis and honestly I was jealous.", TextLanguage.English)]
    [InlineData("My grandma died in March and I get why people say grief comes in waves.", TextLanguage.English)]
    [InlineData("동생이 요즘 많이 지쳤대요. 저도 그래요.", TextLanguage.Korean)]
    [InlineData("I get why you're asking, but I'm fine.", TextLanguage.English)]
    [InlineData("If she's upset then the whole group will drop me too, I'm sure of it.", TextLanguage.English)]
    [InlineData("친구가 한강 얘기할 때 걔가 나도 그럴 것 같다고 했었는데 지금은 괜찮아", TextLanguage.Korean)]
    [InlineData("언니가 새 차 샀는데 솔직히 부러웠어", TextLanguage.Korean)]
    public void Assess_SameWordsWithoutSomeoneElsesRisk_TheRulesFindNothing(string text, TextLanguage language)
    {
        Assert.Equal(RiskLevel.None, RiskRules.Assess(text, language).Level);
    }

    /// <summary>A refused denial of a High phrase keeps the phrase's level: the refusal takes the denial back, it does not make the phrase Elevated.</summary>
    [Theory]
    [InlineData("I can't tell you I won't kill myself.")]
    [InlineData("I'm not going to pretend I don't want to kill myself.")]
    public void Assess_RefusedDenialOfAHighPhrase_StaysHigh(string text)
    {
        Assert.Equal(RiskLevel.High, RiskRules.Assess(text, TextLanguage.English).Level);
    }

    /// <summary>The same refusals with no risk cue, or denied again in a later clause, and doubts about a place's safety: the rules find nothing.</summary>
    [Theory]
    [InlineData("I'm not saying I don't get down sometimes, everyone does.", TextLanguage.English)]
    [InlineData("I can't say I love my job, but I'd never hurt myself over it.", TextLanguage.English)]
    [InlineData("I'm not safe at home when he drinks.", TextLanguage.English)]
    [InlineData("I can't promise I won't eat the whole cake tonight.", TextLanguage.English)]
    [InlineData("I can't guarantee the train won't be late, so I might miss the start.", TextLanguage.English)]
    [InlineData("I said I'd finish the report today but I'm not going to make it.", TextLanguage.English)]
    [InlineData("I'm not safe to drive after these new tablets.", TextLanguage.English)]
    [InlineData("이번 주 안에 보고서를 끝낸다고 장담은 못 해요", TextLanguage.Korean)]
    [InlineData("해결 방법이 없는 건 아니에요", TextLanguage.Korean)]
    [InlineData("I can't say I don't have a reason to live, my kids are one.", TextLanguage.English)]
    [InlineData("안 힘들다고는 못 하겠어요. 요즘 일이 많아서요", TextLanguage.Korean)]
    [InlineData("시험을 망친 건 아니에요. 생각보다 괜찮았어요", TextLanguage.Korean)]
    [InlineData("회사 옥상이 안전한 건 아니지만 거기서 점심 먹어요", TextLanguage.Korean)]
    public void Assess_RefusalWithoutACueOrDeniedAgain_TheRulesFindNothing(string text, TextLanguage language)
    {
        Assert.Equal(RiskLevel.None, RiskRules.Assess(text, language).Level);
    }

    /// <summary>
    /// Korean denials in the spellings of "not" that share no prefix with 아니 or 안 해 (아닌데, 안 했어), a question echoed
    /// back and answered no, a wish named only to say it is something else, someone else's act seen or guessed, and
    /// suicide as a subject.
    /// </summary>
    [Theory]
    [InlineData("죽고 싶은 건 아닌데 요즘 그냥 다 귀찮아요")]
    [InlineData("자해는 안 했어요 그냥 넘어져서 다친 거예요")]
    [InlineData("자살 충동이요? 아뇨, 전혀요")]
    [InlineData("사라지고 싶다는 생각은 요즘 안 들어요")]
    [InlineData("살기 싫다 이런 건 절대 아니고 좀 지쳤을 뿐이에요")]
    [InlineData("죽고 싶다기보다는 그냥 좀 멀리 떠나 있고 싶은 거예요")]
    [InlineData("동생이 요즘 손목을 긋는 것 같아서 걱정돼요")]
    [InlineData("우리 반 애가 자해한다는 소문을 들었어요")]
    [InlineData("뉴스에서 자살률이 또 올랐대요")]
    [InlineData("죽고 싶지 않아요")]
    [InlineData("자해하지 않아요")]
    [InlineData("자살 생각이요? 아뇨 그런 건 없어요")]
    [InlineData("죽고 싶은 생각은 이제 없어요")]
    [InlineData("게임 채팅에서 누가 나한테 죽으라고 욕했는데 그냥 차단했어")]
    [InlineData("동생 팔에 자해한 흔적을 봤는데 부모님한테 말해야 할까요")]
    [InlineData("남편이 힘들 때마다 죽고 싶다고 해요")]
    [InlineData("아빠가 예전에 자살 시도하셨대요")]
    [InlineData("자살 관련 뉴스를 봤어요")]
    [InlineData("등산하다가 미끄러져서 죽는 줄 알았어요")]
    [InlineData("과제 때문에 죽을 것 같아요")]
    [InlineData("죽는 거 생각 안 해요")]
    [InlineData("우리 할머니 돌아가셨을 때 따라가고 싶다고 할아버지가 그러셨어요")]
    [InlineData("할머니 돌아가셨을 때 따라가고 싶었어요. 지금은 괜찮아요")]
    [InlineData("죽는 방법 검색하면 상담전화 번호가 떠요")]
    [InlineData("약 모으거나 그런 거 없어요")]
    [InlineData("게임에서 보스한테 안 죽는 방법 검색했어")]
    [InlineData("엄마가 약을 모아두고 계셔서 걱정이에요")]
    [InlineData("할머니 돌아가시고 할아버지가 따라가고 싶어 하세요")]
    [InlineData("애완견 보내고 나서 따라가고 싶을 만큼 슬펐어요")]
    [InlineData("상비약 모아 두는 서랍 샀어요")]
    [InlineData("감기약 좀 쟁여 놨어요")]
    [InlineData("죽는 방법 검색해 보면 상담전화 번호가 먼저 떠요")]
    [InlineData("주말 잘 보내고 월요일부터 진도 따라가야 돼요")]
    [InlineData("텐트 치려고 밧줄 좀 샀어요")]
    [InlineData("드라마에서 여주가 유서 썼는데 너무 슬펐어")]
    [InlineData("재작년 우울증 심할 땐 유서까지 썼었어요. 약이랑 상담 덕분에 지금은 그 시기가 남 얘기 같아요")]
    public void Assess_KoreanDenialOrSomeoneElsesAct_RaisesNothing(string text)
    {
        Assert.Equal(RiskAssessment.None, RiskDetector.Assess(text, TextLanguage.Korean));
    }

    /// <summary>
    /// What those denials must not swallow: a negation after a finished predicate ("시작했어요 한동안 안 했는데"), "장난
    /// 아니고", a double negation ("없진 않아요", "안 하면 안 될 것 같아"), "cannot" (수 없어), a question echoed and answered
    /// yes or with more ("아니요 계획까지 세웠어요"), a person named as the cause, someone else's act the speaker would copy, and the
    /// speaker's own act beside someone else's.
    /// </summary>
    [Theory]
    [InlineData("요즘 다시 자해를 시작했어요 한동안 안 했는데")]
    [InlineData("진짜 죽고 싶어 장난 아니고")]
    [InlineData("죽고 싶은 마음이 없진 않아요")]
    [InlineData("자해할 생각이 없지는 않아")]
    [InlineData("요즘 자해 안 하면 안 될 것 같아")]
    [InlineData("자해 안 하고는 못 버티겠어")]
    [InlineData("죽고 싶은 게 아닌 것 같지가 않아")]
    [InlineData("자살 생각이요? 아니요 계획까지 세웠어요")]
    [InlineData("친구가 자해하는 것 같은데 나도 따라 하고 싶어")]
    [InlineData("죽고 싶어서 견딜 수 없어")]
    [InlineData("자해하고 싶은 마음을 참을 수가 없어요")]
    [InlineData("사라지고 싶다는 생각을 떨칠 수 없어")]
    [InlineData("자살 생각이요? 네, 요즘 자주 해요")]
    [InlineData("엄마가 소리 지를 때마다 죽고 싶어요")]
    [InlineData("동생이 자해하는 것 같은데 저도 요즘 자해를 해요")]
    // A negation that is a condition, a pretence, a lie, time since, a question, another verb's, "nothing but" or a
    // ceasing verb's; a double negation whose first negation is negated again; a hope asked about and answered none;
    // the speaker without a pronoun beside someone else; the speaker's own post.
    [InlineData("자해 안 하면 미칠 것 같아")]
    [InlineData("자해 안 한 척했어요")]
    [InlineData("자해 안 했다고 거짓말했어요")]
    [InlineData("자해 안 한 지 3개월 됐는데 어제 다시 했어요")]
    [InlineData("죽고 싶은 거 아닌가 싶어요")]
    [InlineData("죽고 싶어서 일도 안 하고 누워만 있어")]
    [InlineData("자살할 수밖에 없어요")]
    [InlineData("죽고 싶다는 생각밖에 없어요")]
    [InlineData("자해하는 거 말고 방법이 없어요")]
    [InlineData("죽고 싶은 마음이 사라지질 않아요")]
    [InlineData("죽고 싶지 않은 날이 하루도 없어")]
    [InlineData("죽고 싶다는 생각이 안 들 때가 없어요")]
    [InlineData("죽고 싶다기보다 그냥 끝내고 싶어")]
    [InlineData("살 이유가 있냐고요? 없어요")]
    [InlineData("희망이요? 없어요")]
    [InlineData("자해 안 했냐고요? 아니요, 했어요")]
    [InlineData("엄마가 손목에 자해 흉터 보고 울었어요")]
    [InlineData("엄마는 자해하는지 전혀 몰라요")]
    [InlineData("동생이 자해하는 거 같아서 따라 해봤어요")]
    [InlineData("유튜브에 죽고 싶다고 올렸어요")]
    [InlineData("채팅에서 친구한테 죽고 싶다고 했어요")]
    // Written after a blind writer's lines: the thought that does not come (안 드는) negated again, a denial told as a lie,
    // a reason to live or a safety promise asked about and refused, a risk question answered yes, a passive wish, nothing
    // but disappearing, cutting again, a pact, an overdose, a place to hang, and "nothing but" before 안 들어.
    [InlineData("자살 생각 안 드는 날이 없어요")]
    [InlineData("상담 때 자해 안 한다고 한 거 다 거짓말이었어요")]
    [InlineData("괜찮다고 했던 거 사실 거짓말이에요")]
    [InlineData("살아야 할 이유요? 하나도 없어요")]
    [InlineData("오늘 밤 안전할 수 있겠냐고요? 장담 못 하겠어요")]
    [InlineData("아직도 자해하냐고요? 네 가끔요")]
    [InlineData("트럭에 치이면 좋겠다는 생각을 해요")]
    [InlineData("저만 사라지는 게 답인 것 같아요")]
    [InlineData("요즘 또 그었어요")]
    [InlineData("친구랑 같이 죽기로 했어요")]
    [InlineData("약을 한 번에 다 먹어버렸어요")]
    [InlineData("목 맬 만한 곳 없나 찾아봤어요")]
    [InlineData("죽고 싶다는 생각밖에 안 들어요")]
    public void Assess_KoreanRiskBesideANegationOrSomeoneElse_StillAlerts(string text)
    {
        Assert.NotEqual(RiskLevel.None, RiskDetector.Assess(text, TextLanguage.Korean).Level);
    }

    /// <summary>
    /// Traps the rules were written from, so these guard against going back; they are not accuracy figures.
    /// risk.negation.ko.tsv: Korean negation traps from a writer who never saw the rules, whose first read missed 25 of 80
    /// risk lines and alerted on 19 of 80 others (11 and 8 after). risk.adversarial.ko.tsv: lines a reviewer who had read
    /// the rules wrote to break them, 86 of 126 risk lines missed and 61 of 83 others alerted on at first (none after).
    /// risk.blind.en.tsv: English chat-register lines from a writer who never saw the rules, 34 missed and 18 false at
    /// first (6 and 6 after; 8 missed, 6 false since English distortion writers O, P, Z, AB and AC trained the shared
    /// model on 2026-12-05, with the second stage on too: "if i dont cut i cant sleep, thats just how it is now" and "if
    /// this doesnt work out with the job then thats it for me, im checking out"). risk.blind.ko.tsv: a second blind
    /// Korean writer, 13 and 17 at first (7 and 4 after; 5 false since Korean distortion writer K trained the shared
    /// model, thresholds unchanged). Session 30 (questions writers AU and AV training the shared model, the English second
    /// stage off by its rule): 9 missed in each ("살아있는게 싫지 않다고 하면 거짓말이죠" and "혹시 지금도 그런 생각 있냐고 물어보면
    /// 없다고 해야 되는데 있어요" among the Korean).
    /// </summary>
    [Theory]
    [InlineData("risk.negation.ko.tsv", TextLanguage.Korean, 80, 80, 11, 8)]
    [InlineData("risk.adversarial.ko.tsv", TextLanguage.Korean, 126, 83, 0, 0)]
    [InlineData("risk.blind.en.tsv", TextLanguage.English, 80, 80, 9, 6)]
    [InlineData("risk.blind.ko.tsv", TextLanguage.Korean, 80, 80, 9, 5)]
    public void Assess_Traps_AlertOnRiskAndStayQuietOnTheRestAsWhenTuned(string fixture, TextLanguage language, int risk, int safe, int mostMissed, int mostFalse)
    {
        var lines = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Analysis", fixture))
            .Where(line => !line.StartsWith('#') && line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(fields => (Risk: fields[0] == "RISK", Text: fields[2]))
            .ToList();

        var missed = lines.Where(l => l.Risk && RiskDetector.Assess(l.Text, language).Level == RiskLevel.None).Select(l => l.Text).ToList();
        var falseAlerts = lines.Where(l => !l.Risk && RiskDetector.Assess(l.Text, language).Level != RiskLevel.None).Select(l => l.Text).ToList();

        Assert.Equal((risk, safe), (lines.Count(l => l.Risk), lines.Count(l => !l.Risk)));
        Assert.True(missed.Count <= mostMissed, $"missed {missed.Count}: {string.Join(" | ", missed)}");
        Assert.True(falseAlerts.Count <= mostFalse, $"false alerts {falseAlerts.Count}: {string.Join(" | ", falseAlerts)}");
    }

    /// <summary>A risk statement the classifier finds in a longer segment is shown by its clause, not the whole segment.</summary>
    [Theory]
    [InlineData("Work was fine today, the meeting went okay. Honestly everyone would be better off if I just wasn't around anymore.", TextLanguage.English, "better off if I just wasn't around")]
    [InlineData("오늘 회사는 그냥 그랬어요. 근데 다들 내가 없는 게 더 편할 것 같아요", TextLanguage.Korean, "다들 내가 없는 게 더 편할 것 같아요")]
    public void Assess_ClassifierFindingInALongerSegment_EvidenceIsItsClause(string text, TextLanguage language, string inEvidence)
    {
        var risk = RiskDetector.Assess(text, language);

        Assert.NotEqual(RiskLevel.None, risk.Level);
        Assert.Contains(inEvidence, risk.Evidence!.Text, StringComparison.Ordinal);
        Assert.True(risk.Evidence.Length < text.Trim().Length, $"evidence is the whole segment: {risk.Evidence.Text}");
        Assert.Equal(text.Substring(risk.Evidence.Start, risk.Evidence.Length), risk.Evidence.Text);
    }

    /// <summary>
    /// Everyday sentences raise no alert whatever their n-grams score: each false alert turns the counselor's reply into
    /// the crisis script. Written for this test, not taken from the corpus.
    /// </summary>
    [Theory]
    [InlineData("Can we start with how the week went?", TextLanguage.English)]
    [InlineData("I had pasta for lunch and then called my mom.", TextLanguage.English)]
    [InlineData("My roommate keeps leaving dishes in the sink and it annoys me.", TextLanguage.English)]
    [InlineData("오늘 회의가 길었어요.", TextLanguage.Korean)]
    [InlineData("주말에 친구를 만났어요.", TextLanguage.Korean)]
    [InlineData("이번 주 있었던 일 얘기하고 싶어요.", TextLanguage.Korean)]
    [InlineData("팀장님이 또 제 의견을 무시했어요.", TextLanguage.Korean)]
    [InlineData("요즘 이직을 고민하고 있어요.", TextLanguage.Korean)]
    [InlineData("점심에 동료랑 김치찌개 먹었어요.", TextLanguage.Korean)]
    public void Assess_EverydaySentence_RaisesNoAlert(string text, TextLanguage language)
    {
        Assert.Equal(RiskAssessment.None, RiskDetector.Assess(text, language));
    }

    /// <summary>
    /// Everyday sentences opening the way risk statements often do ("I want to", "I keep thinking about", "…싶어요"),
    /// written for this guard before any model output was seen and never used in training or tuning. On main's setting
    /// (risk 0.2, no cue guard) the first alerts. Three more written with them still alert with the chosen thresholds: two
    /// are in the test below; the third ("마감만 끝나면 토요일엔 늦잠 자고 싶어요.") holds a risk cue (끝) and alerts even there.
    /// Since the models learned the session talk (English agreement from 0.03), "I can't stop checking my phone during
    /// meetings." alerts too (its "stop" is a risk cue, so no guard sets it aside); it left this list and the README says so.
    /// </summary>
    [Theory]
    [InlineData("I want to tell you about my sister's visit.", TextLanguage.English)]
    [InlineData("Sorry, just one more thing about the schedule.", TextLanguage.English)]
    [InlineData("I keep thinking about the apartment we saw on Sunday.", TextLanguage.English)]
    [InlineData("Honestly I don't know where to start today.", TextLanguage.English)]
    [InlineData("I've been meaning to call my old roommate.", TextLanguage.English)]
    [InlineData("동생이 놀러 온 얘기 해 드리고 싶어요.", TextLanguage.Korean)]
    [InlineData("요리 학원을 다녀 볼까 생각 중이에요.", TextLanguage.Korean)]
    [InlineData("죄송한데 일정 얘기 하나만 더 할게요.", TextLanguage.Korean)]
    [InlineData("일요일에 본 집이 자꾸 생각나요.", TextLanguage.Korean)]
    [InlineData("회의 중에도 휴대폰을 계속 보게 돼요.", TextLanguage.Korean)]
    [InlineData("솔직히 오늘은 어디서부터 말해야 할지 모르겠어요.", TextLanguage.Korean)]
    [InlineData("옛날 룸메이트한테 연락해야지 하고 있었어요.", TextLanguage.Korean)]
    public void Assess_EverydaySentenceWithARiskLikeOpening_RaisesNoAlert(string text, TextLanguage language)
    {
        Assert.Equal(RiskAssessment.None, RiskDetector.Assess(text, language));
    }

    /// <summary>
    /// Everyday sentences the shipped utterance model scores as risk at or above the guard's cutoff (the first three 0.36 to
    /// 0.97: openings it learned as risk): only the guard at its strictest (every classifier-only finding needs a risk cue) sets them
    /// aside, and that loses about a quarter of held-out risk lines, so the shipped detector still alerts on them (README).
    /// The last two were written as guard sentences for the test above and still alert with the chosen thresholds.
    /// </summary>
    [Theory]
    [InlineData("I want to talk about my week.", TextLanguage.English)]
    [InlineData("My manager ignored my idea again.", TextLanguage.English)]
    [InlineData("I've been thinking about changing jobs.", TextLanguage.English)]
    [InlineData("I've been thinking about taking a cooking class.", TextLanguage.English)]
    [InlineData("I just want to get through these deadlines and sleep in on Saturday.", TextLanguage.English)]
    public void Risk_EverydaySentenceWithoutARiskCue_TheGuardRaisesNoAlert(string text, TextLanguage language)
    {
        Assert.Equal(RiskAssessment.None, Guarded.Value.Risk(text, language));
    }

    /// <summary>A person saying they are not at risk is recognised (the counselor acknowledges it); risk and small talk are not denials.</summary>
    [Theory]
    [InlineData("I'm not suicidal, I want to be super clear about that.", TextLanguage.English, true)]
    [InlineData("I've had no thoughts of hurting myself, it's just been a hard week.", TextLanguage.English, true)]
    [InlineData("스스로 해칠 생각은 없어요. 그냥 좀 지쳤어요.", TextLanguage.Korean, true)]
    [InlineData("I meant I'm done with the course, not with life.", TextLanguage.English, true)]
    [InlineData("Hurting myself has never crossed my mind, even this month.", TextLanguage.English, true)]
    [InlineData("I want to live, I'm just worn out by the move.", TextLanguage.English, true)]
    [InlineData("그 문항은 '없음'에 체크했어요.", TextLanguage.Korean, true)]
    [InlineData("그 문항은 “없음”으로 표시했어요.", TextLanguage.Korean, true)]
    [InlineData("I want to kill myself.", TextLanguage.English, false)]
    [InlineData("I don't know if I want to be here anymore.", TextLanguage.English, false)]
    [InlineData("I'd never hurt myself but I've been saving pills.", TextLanguage.English, false)]
    [InlineData("My manager moved our meeting to Friday.", TextLanguage.English, false)]
    [InlineData("죽고 싶어요.", TextLanguage.Korean, false)]
    public void DeniesRisk_RecognisesADenialThatRaisesNoAlert(string text, TextLanguage language, bool denies)
    {
        Assert.Equal(denies, RiskDetector.DeniesRisk(text, language));
    }

    /// <summary>
    /// A denial of one part of a sentence ("no plans or anything") sets aside only that part, between commas: the
    /// ideation the same sentence states still alerts.
    /// </summary>
    [Theory]
    [InlineData("I keep thinking about ending my life, I'm not planning anything though.")]
    [InlineData("Lately I wish I could go to sleep and not wake up, no plans or anything.")]
    [InlineData("I'm not going anywhere tonight, I just want to die.")]
    public void Assess_RiskBesideADenialOfAPart_StillAlerts(string text)
    {
        Assert.NotEqual(RiskLevel.None, RiskDetector.Assess(text, TextLanguage.English).Level);
        Assert.False(RiskDetector.DeniesRisk(text, TextLanguage.English));
    }

    /// <summary>Risk statements no phrase rule names alert, with the guard on too: their words are risk cues.</summary>
    [Theory]
    [InlineData("I've been giving away my things and writing letters to my family.", TextLanguage.English)]
    [InlineData("I looked up how many pills it would take.", TextLanguage.English)]
    [InlineData("I wrote a note for my parents and left it in my desk drawer.", TextLanguage.English)]
    [InlineData("Everyone would be fine if I just disappeared one day.", TextLanguage.English)]
    [InlineData("유서를 써서 서랍에 넣어 뒀어요.", TextLanguage.Korean)]
    [InlineData("수면제를 몇 달째 조금씩 모으고 있어요.", TextLanguage.Korean)]
    [InlineData("나 같은 건 그냥 짐이에요. 다들 나 없이 더 잘 살 거예요.", TextLanguage.Korean)]
    [InlineData("어젯밤에 옥상에 올라가서 한참 아래만 내려다봤어요.", TextLanguage.Korean)]
    public void Assess_RiskStatementWithoutARulePhrase_StillAlerts(string text, TextLanguage language)
    {
        var risk = RiskDetector.Assess(text, language);
        var guarded = Guarded.Value.Risk(text, language);

        Assert.NotEqual(RiskLevel.None, risk.Level);
        Assert.NotNull(risk.Evidence);
        Assert.NotEqual(RiskLevel.None, guarded.Level);
    }

    [Fact]
    public void Assess_HighAfterNegatedMention_ReportsTheHighEvidence()
    {
        var text = "I said I would never kill myself, but tonight I want to kill myself.";

        var risk = RiskDetector.Assess(text);

        Assert.Equal(RiskLevel.High, risk.Level);
        Assert.Equal("want to kill myself", risk.Evidence!.Text);
        Assert.Equal(text.IndexOf("want to kill", StringComparison.Ordinal), risk.Evidence.Start);
    }

    [Fact]
    public void Assess_NoLanguageGiven_DetectsKoreanFromHangul()
    {
        Assert.Equal(RiskLevel.High, RiskDetector.Assess("정말 죽고 싶어").Level);
    }
}
