using System.Text.RegularExpressions;
using BeMore.Domain.Analysis;
using BeMore.Grains.Abstractions.Counseling;

namespace BeMore.Tests.Analysis;

/// <summary>What a turn does besides feelings and thoughts: plans, insights, goodbyes and reassurances, in both languages.</summary>
public sealed class ConversationMovesTests
{
    [Theory]
    [InlineData("maybe i could try writing the thoughts down when they show up instead of just spinning.", "en", TurnMoves.Plan)]
    [InlineData("I'm going to text my sister this weekend and ask if she wants to get lunch.", "en", TurnMoves.Plan)]
    [InlineData("i guess i haven't actually asked my manager what she thought. i've just been assuming.", "en", TurnMoves.Insight)]
    [InlineData("Now that I say it out loud, it sounds like I'm being really hard on myself.", "en", TurnMoves.Insight)]
    [InlineData("ok that's all for today, see you next week!", "en", TurnMoves.Closing)]
    [InlineData("thanks, this helped more than i expected tbh.", "en", TurnMoves.Closing)]
    [InlineData("calling my sister now, it's her birthday. talk thursday", "en", TurnMoves.Closing)]
    [InlineData("no no, i'm not going to do anything, don't worry. i just meant i'm really tired.", "en", TurnMoves.Reassurance)]
    [InlineData("이번 주엔 친구한테 먼저 연락해볼까 봐요.", "ko", TurnMoves.Plan)]
    [InlineData("생각해보면 친구들한테 직접 물어본 적은 없긴 해요.", "ko", TurnMoves.Insight)]
    [InlineData("오늘 얘기하니까 좀 숨통이 트이네요. 고마워요.", "ko", TurnMoves.Closing)]
    [InlineData("오늘은 여기까지요. 다음에 또 올게요!", "ko", TurnMoves.Closing)]
    [InlineData("오늘 얘기하니까 머리가 좀 정리되는 느낌이에요. 다음에 또 올게요, 안녕히 계세요", "ko", TurnMoves.Closing)]
    [InlineData("아 아니에요, 진짜 뭐 하려는 건 아니에요. 걱정 안 하셔도 돼요.", "ko", TurnMoves.Reassurance)]
    [InlineData("sleep's been bad too, i'm up at 3am going over emails, and i've basically stopped going to the gym.", "en", TurnMoves.DailyLife)]
    [InlineData("요즘 밤에 잠도 잘 안 와요. 새벽까지 유튜브 보다가 낮 12시에 일어나고 밥도 대충 때우고.", "ko", TurnMoves.DailyLife)]
    [InlineData("일단 앱 알림부터 끄고.. 남은 건 더 안 넣을게요.", "ko", TurnMoves.Plan)]
    [InlineData("말하고 나니까 좀 가볍네요 ㅎㅎ 오늘 고마웠어요 들어가보겠습니다!", "ko", TurnMoves.Closing)]
    public void Reads_WhatTheTurnDoes(string text, string language, TurnMoves expected)
    {
        Assert.Equal(expected, ConversationMoves.Read(text, TextLanguages.Resolve(language, text), riskRaised: false));
    }

    /// <summary>
    /// A farewell or a plan with means sounds like a plan or a goodbye; the counselor must never call it a good step, so
    /// a turn with a risk cue reads as neither (and a turn that raised an alert reads as nothing at all).
    /// </summary>
    [Theory]
    [InlineData("I'll write letters to everyone I love so they know.", "en")]
    [InlineData("I'm going to start saving up my sleeping pills.", "en")]
    [InlineData("thanks for everything. goodbye.", "en")]
    [InlineData("그동안 고마웠어요. 다들 안녕.", "ko")]
    [InlineData("엄마 그동안 고마웠어요. 안녕히 계세요.", "ko")]
    [InlineData("이번 주에 방 정리하고 물건들 나눠 주려고요.", "ko")]
    public void FarewellsAndPlansWithRiskCues_AreNeitherPlansNorGoodbyes(string text, string language)
    {
        var moves = ConversationMoves.Read(text, TextLanguages.Resolve(language, text), riskRaised: false);

        Assert.False(moves.HasFlag(TurnMoves.Plan), $"{text}: {moves}");
        Assert.False(moves.HasFlag(TurnMoves.Closing), $"{text}: {moves}");
        Assert.Equal(TurnMoves.None, ConversationMoves.Read("see you next week, I'll try it", TextLanguage.English, riskRaised: true));
        Assert.Equal(TurnMoves.Reassurance, ConversationMoves.Read("no no, don't worry, I'm not going to do anything. I just want it all to stop.", TextLanguage.English, riskRaised: true));
    }

    /// <summary>
    /// A goodbye near a risk word is taken at its word only when the risk model's second look does not lean towards risk; a
    /// look that timed out even on its retry is doubt, not a lost turn.
    /// </summary>
    [Theory]
    [InlineData("thanks for everything. goodbye.", "en")]
    [InlineData("말하고 나니까 좀 가볍네요 ㅎㅎ 오늘 고마웠어요 들어가보겠습니다!", "ko")]
    public void GoodbyeNearARiskWord_RiskLookTimesOutTwice_IsDoubted(string text, string language)
    {
        var resolved = TextLanguages.Resolve(language, text);
        var looks = 0;

        var believed = ConversationMoves.Read(text, resolved, riskRaised: false, (_, _) => 0f);
        var timedOut = ConversationMoves.Read(text, resolved, riskRaised: false, (_, _) =>
        {
            looks++;
            throw new RegexMatchTimeoutException(text, "pattern", TimeSpan.FromSeconds(2));
        });

        Assert.True(believed.HasFlag(TurnMoves.Closing), $"{text}: {believed}");
        Assert.False(timedOut.HasFlag(TurnMoves.Closing), $"{text}: {timedOut}");
        Assert.Equal(2, looks);
    }

    /// <summary>Everyday words that share a pattern's surface: a prediction is not a plan, "next week" is not a goodbye.</summary>
    [Theory]
    [InlineData("I'm going to fail this exam next week, I just know it.", "en")]
    [InlineData("I realized I'm just a failure at everything.", "en")]
    [InlineData("I need to go to the doctor about my back.", "en")]
    [InlineData("다음에 또 떨어지면 어떡하죠?", "ko")]
    [InlineData("이만큼 힘든 적은 처음이에요.", "ko")]
    public void LookalikesOfAMove_AreNotRead(string text, string language)
    {
        Assert.Equal(TurnMoves.None, ConversationMoves.Read(text, TextLanguages.Resolve(language, text), riskRaised: false));
    }

    /// <summary>Direct questions put to the counselor, asked the way people type them, with or without the mark.</summary>
    [Theory]
    [InlineData("should i tell her now or wait till after the holidays?", "en", TurnMoves.AsksWhatToDo)]
    [InlineData("is it weird that i kinda feel relieved he's gone", "en", TurnMoves.AsksIfNormal)]
    [InlineData("how do i stop replaying the meeting over and over at night?", "en", TurnMoves.AsksHow)]
    [InlineData("my doctor offered me sertraline, do you think i should take it?", "en", TurnMoves.AsksMedical | TurnMoves.AsksWhatToDo)]
    [InlineData("wait are you a real person or a bot?", "en", TurnMoves.AsksAboutCounselor)]
    [InlineData("그냥 회사 그만두는 게 나을까요?", "ko", TurnMoves.AsksWhatToDo)]
    [InlineData("제가 너무 예민한 건가요?", "ko", TurnMoves.AsksIfNormal)]
    [InlineData("밤마다 그 생각이 나는데 어떻게 하면 덜 불안할까요", "ko", TurnMoves.AsksHow)]
    [InlineData("출산하고 계속 우울한데 이게 산후 우울증일까요?", "ko", TurnMoves.AsksMedical)]
    [InlineData("근데 이거 기록 남아요?", "ko", TurnMoves.AsksAboutCounselor)]
    [InlineData("do I tell her now or wait until I've actually stopped for a month?", "en", TurnMoves.AsksWhatToDo)]
    [InlineData("should I bring it up at my checkup or is that overreacting?", "en", TurnMoves.AsksWhatToDo | TurnMoves.AsksIfNormal)]
    [InlineData("그럼 뭐라고 해야 되는데요? 예시 같은 거 있어요?", "ko", TurnMoves.AsksWhatToDo)]
    [InlineData("엄마가 물어볼 때마다 뭐라고 대답하면 좋을까요", "ko", TurnMoves.AsksWhatToDo)]
    [InlineData("honestly does writing it down even help? I still think it afterwards", "en", TurnMoves.DoubtsTheMethod)]
    [InlineData("what's the point of the thought record if I already know the thought is dumb", "en", TurnMoves.DoubtsTheMethod)]
    [InlineData("근데 말로 해서 뭐가 달라져요? 전에도 말했는데 똑같았어요", "ko", TurnMoves.DoubtsTheMethod)]
    [InlineData("wait are you a bot or a real person", "en", TurnMoves.AsksAboutCounselor)]
    [InlineData("ok real question before we start, are you an actual person or an AI?", "en", TurnMoves.AsksAboutCounselor)]
    [InlineData("아 그리고 혹시 쌤 AI에요? 답장이 너무 빨라서 ㅋㅋ", "ko", TurnMoves.AsksAboutCounselor)]
    [InlineData("상담 내용은 혹시 어디 기록으로 남나요? 회사 EAP로 하는 거라 좀 신경 쓰여서요", "ko", TurnMoves.AsksAboutCounselor)]
    [InlineData("The GP wants me on mirtazapine. Does that one put weight on you?", "en", TurnMoves.AsksMedical)]
    [InlineData("병원에서 졸피뎀 받아왔는데 이거 계속 먹어도 되는 건가요?", "ko", TurnMoves.AsksMedical)]
    [InlineData("이거 매일 적는 게 진짜 효과 있어요?", "ko", TurnMoves.DoubtsTheMethod)]
    public void Reads_DirectQuestionsToTheCounselor(string text, string language, TurnMoves expected)
    {
        Assert.Equal(expected, ConversationMoves.Read(text, TextLanguages.Resolve(language, text), riskRaised: false));
    }

    /// <summary>A question's words without a question to the counselor: regret, small talk, a question reported.</summary>
    [Theory]
    [InlineData("I should have known better than to trust him.", "en")]
    [InlineData("how was your weekend lol", "en")]
    [InlineData("I asked my mom if it's normal to feel this tired after the move.", "en")]
    [InlineData("그때 그냥 말할 걸 그랬어요.", "ko")]
    [InlineData("친구가 이거 정상이냐고 물어봤었어요.", "ko")]
    [InlineData("where should I start, the breakup or the job thing", "en")]
    [InlineData("그 생각이 가끔 스치긴 했는데 이제는 거의 안 나요 약 먹고 나서부터", "ko")]
    [InlineData("오늘 기분 얘기부터 할까요 아님 그 사건 얘기부터 할까요", "ko")]
    [InlineData("what do I know, honestly", "en")]
    [InlineData("애가 학교에서 싸웠대요 이게 학폭위 열리고 기록 남으면 대학도 못 가는 거 아니에요?", "ko")]
    public void LookalikesOfAQuestion_AreNotRead(string text, string language)
    {
        Assert.Equal(TurnMoves.None, ConversationMoves.Read(text, TextLanguages.Resolve(language, text), riskRaised: false));
    }

    /// <summary>A turn that ends on a plan has answered its own question: it is not answered again.</summary>
    [Theory]
    [InlineData("ㅇㅋ 진단은 병원에서 받는 거고.. 일단 오늘은 25분 타이머 해보라는 거죠? 해볼게요", "ko", TurnMoves.None)]
    [InlineData("is it normal to freeze up like that? I'll try the breathing thing before the next one.", "en", TurnMoves.Plan)]
    [InlineData("is melatonin even ok with my meds? I'll ask the pharmacist tomorrow.", "en", TurnMoves.None)]
    public void QuestionFollowedByAPlan_IsNotAnsweredAgain(string text, string language, TurnMoves expected)
    {
        Assert.Equal(expected, ConversationMoves.Read(text, TextLanguages.Resolve(language, text), riskRaised: false));
    }

    /// <summary>The plan must be the last word: a question after it is still answered.</summary>
    [Fact]
    public void PlanFollowedByAQuestion_KeepsTheQuestion()
    {
        var moves = ConversationMoves.Read("I'll ask the pharmacist tomorrow. is melatonin even ok with my meds?", TextLanguage.English, riskRaised: false);

        Assert.True(moves.HasFlag(TurnMoves.AsksMedical));
    }

    /// <summary>
    /// The phrase lists backtrack (interpreted, to keep the node's memory): a segment as long as the API takes, padded with
    /// what their repetitions match (openers, whitespace runs, repeated adverbs), reads as the turn without the padding.
    /// A pattern whose backtracking grew out of bounds would time out twice and read nothing.
    /// </summary>
    [Theory]
    [InlineData("ok, so, ", "should I tell my boss how I feel?", "en")]
    [InlineData("i      ", "I'm going to text my sister this weekend and ask if she wants to get lunch.", "en")]
    [InlineData("see   you  ", "ok that's all for today, see you next week!", "en")]
    [InlineData("진짜 정말 계속 ", "이거 적는 게 진짜 효과가 있을까요?", "ko")]
    [InlineData("볼 게 ", "이번 주엔 친구한테 먼저 연락해볼까 봐요.", "ko")]
    public void LongestSegmentPaddedWithWhatThePatternsRepeat_ReadsAsTheTurnAlone(string padding, string turn, string language)
    {
        var textLanguage = TextLanguages.Resolve(language, turn);
        var padded = string.Concat(Enumerable.Repeat(padding, (5000 - turn.Length) / padding.Length)) + turn;

        var alone = ConversationMoves.Read(turn, textLanguage, riskRaised: false);

        Assert.NotEqual(TurnMoves.None, alone);
        Assert.Equal(alone, ConversationMoves.Read(padded, textLanguage, riskRaised: false));
    }
}
