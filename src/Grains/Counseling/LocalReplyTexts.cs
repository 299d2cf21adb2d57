using System.Collections.Frozen;
using BeMore.Domain.Analysis;
using BeMore.Grains.Abstractions.Localization;
using static BeMore.Domain.Analysis.DistortionType;

namespace BeMore.Grains.Counseling;

/// <summary>
/// The local composer's sentences (a data table). Each is one <see cref="LocalizedText"/>: the composer picks a place in
/// a list and says that text in the reply's language; the sentences at one place say the same thing in each language's
/// own words.
/// </summary>
internal static class LocalReplyTexts
{
    /// <summary>
    /// First words, by the emotion heard (label codes); "neutral" also serves calm turns and sessions without analysis (a
    /// calm reading says nothing about what the turn is, so it is not answered as coping or as news).
    /// </summary>
    public static readonly FrozenDictionary<string, LocalizedText[]> Openers = new Dictionary<string, LocalizedText[]>
    {
        ["anxiety"] =
        [
            new("That sounds really unsettling.", "많이 불안하셨겠어요."),
            new("I can hear how much this is weighing on you.", "마음이 계속 쓰이셨겠어요."),
            new("No wonder you feel on edge.", "그런 걱정을 안고 지내기가 쉽지 않으셨을 것 같아요."),
            new("That's a lot of worry to carry around.", "생각만 해도 긴장되시겠어요."),
            new("That sounds stressful.", "마음이 편하지 않으셨겠어요."),
            new("I can see why that's on your mind.", "신경이 많이 쓰이셨겠네요."),
        ],
        ["sadness"] =
        [
            new("That sounds really heavy.", "많이 힘드셨겠어요."),
            new("I'm sorry this has been so hard.", "마음이 많이 무거우셨겠네요."),
            new("That sounds painful.", "그동안 많이 지치셨을 것 같아요."),
            new("That sounds like a lot to carry.", "듣는 저도 마음이 아프네요."),
            new("It sounds like this has really worn you down.", "쉽지 않은 시간을 보내고 계시네요."),
            new("I'm sorry you're going through this.", "그런 마음이 드는 게 당연해요."),
        ],
        ["anger"] =
        [
            new("That sounds really frustrating.", "많이 속상하셨겠어요."),
            new("It makes sense that this got under your skin.", "마음이 많이 불편하셨겠어요."),
            new("That would leave a lot of people annoyed.", "답답하게 느껴지셨을 것 같아요."),
            new("It sounds like something there felt unfair.", "그 일이 계속 마음에 걸리시나 봐요."),
            new("I can hear how fed up you are.", "쌓인 게 많으셨겠네요."),
        ],
        ["joy"] =
        [
            new("It's good to hear that.", "들으니 저도 반가워요."),
            new("That sounds like a real bright spot.", "그런 순간이 있었다니 다행이에요."),
            new("I'm glad you had that.", "기분 좋은 일이었겠어요."),
            new("That's worth noticing.", "그건 꼭 짚고 넘어가고 싶은 좋은 일이네요."),
        ],
        ["neutral"] =
        [
            new("I hear you.", "네, 잘 듣고 있어요."),
            new("Okay, I'm with you.", "그렇군요."),
            new("Right, I'm following.", "네, 그러셨군요."),
            new("Mm, go on.", "아, 그랬군요."),
        ],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What the composer heard in the thought, said back in plain words.</summary>
    public static readonly FrozenDictionary<DistortionType, LocalizedText[]> Reflections = new Dictionary<DistortionType, LocalizedText[]>
    {
        [AllOrNothing] =
        [
            new("It sounds like it's landing as either a total success or a total failure, with nothing in between.", "완벽하게 해내지 못하면 다 실패처럼 느껴지시는 것 같아요."),
            new("It seems to feel all-or-nothing right now.", "지금은 모 아니면 도처럼 느껴지시는 것 같아요."),
        ],
        [Catastrophizing] =
        [
            new("It sounds like your mind is racing to the worst possible outcome.", "생각이 자꾸 가장 나쁜 결과 쪽으로 달려가는 것 같아요."),
            new("The worst-case version of this seems to be taking up a lot of room.", "최악의 상황이 마음을 크게 차지하고 있는 것 같아요."),
        ],
        [DisqualifyingThePositive] =
        [
            new("It sounds like the good parts don't seem to count right now.", "잘한 부분은 지금 별로 중요하지 않게 느껴지시는 것 같아요."),
            new("It seems what went well is being brushed aside.", "잘된 일은 그냥 넘겨 버리고 계신 것 같아요."),
        ],
        [EmotionalReasoning] =
        [
            new("It sounds like the feeling itself has started to feel like proof.", "그렇게 느껴지니까 정말 그런 것처럼 여겨지시는 것 같아요."),
            new("It seems the feeling is being taken as a fact about how things are.", "감정이 곧 사실처럼 느껴지고 있는 것 같아요."),
        ],
        [JumpingToConclusions] =
        [
            new("It sounds like you're already sure how this will go, or what others are thinking.", "아직 확인되지 않은 일인데 결론이 먼저 나 있는 것 같아요."),
            new("It seems a conclusion has arrived before all the facts are in.", "다른 사람의 생각을 이미 알고 있다고 느끼시는 것 같아요."),
        ],
        [Labeling] =
        [
            new("That's a pretty strong label.", "꽤 강한 꼬리표를 붙이신 것 같아요."),
            new("That one word seems to sum up a whole person.", "한 단어로 사람 전체를 정리해 버리신 것 같아요."),
        ],
        [Magnification] =
        [
            new("It sounds like this one thing has grown bigger than everything else right now.", "이 일 하나가 지금 다른 모든 것보다 크게 느껴지시는 것 같아요."),
            new("This seems to feel larger than life at the moment.", "이 일이 실제보다 더 크게 다가오는 것 같아요."),
        ],
        [MentalFilter] =
        [
            new("It sounds like the part that went wrong is all you can see right now.", "잘못된 한 부분만 크게 보이는 것 같아요."),
            new("One painful detail seems to be colouring the whole picture.", "아팠던 한 장면이 전체를 물들이고 있는 것 같아요."),
        ],
        [Overgeneralization] =
        [
            new("It sounds like one experience is starting to feel like 'always' or 'never'.", "한 번의 일이 '항상' 또는 '절대'처럼 느껴지기 시작한 것 같아요."),
            new("This seems to be turning into a rule about everything.", "이번 일이 모든 일에 대한 법칙처럼 느껴지시는 것 같아요."),
        ],
        [ShouldStatements] =
        [
            new("I'm hearing a lot of 'should' in that, and how much pressure it puts on you.", "'해야 한다'는 마음이 크게 들리고, 그게 많은 부담이 되는 것 같아요."),
            new("It sounds like you're holding yourself to a very strict rule.", "스스로에게 아주 엄격한 규칙을 두고 계신 것 같아요."),
        ],
    }.ToFrozenDictionary();

    /// <summary>A short turn towards the question, used now and then when no emotion was voiced first.</summary>
    public static readonly LocalizedText[] Bridges =
    [
        new("Let's look at that thought together for a moment.", "그 생각을 잠깐 같이 살펴볼게요."),
        new("I'd like to slow that thought down with you.", "그 생각을 조금 천천히 들여다봤으면 해요."),
        new("Can we stay with that thought a moment?", "그 생각에 잠깐 머물러 볼까요?"),
    ];

    /// <summary>Open questions when neither a feeling nor a thinking pattern was heard: they assume no problem.</summary>
    public static readonly LocalizedText[] OpenQuestions =
    [
        new("Could you tell me a little more about that?", "조금 더 이야기해 주실 수 있을까요?"),
        new("What feels most important about this for you right now?", "그 이야기에서 가장 마음이 가는 부분은 어디예요?"),
        new("How is it sitting with you now?", "그 이야기를 하시면서 지금 마음은 어떠세요?"),
        new("What's on your mind about it?", "그 일에 대해 요즘 어떤 생각이 드세요?"),
        new("Where would you like to start?", "어디서부터 이야기해 볼까요?"),
    ];

    /// <summary>Questions after a painful feeling was heard and no thinking pattern: how it is, and how they are getting through it.</summary>
    public static readonly LocalizedText[] FeelingQuestions =
    [
        new("What goes through your mind when it comes up?", "그 일이 떠오를 때 어떤 생각이 드세요?"),
        new("How have you been coping with it?", "요즘은 어떻게 견디고 계세요?"),
        new("What feels hardest about it right now?", "지금 그 일에서 가장 힘든 부분은 뭐예요?"),
        new("What has it been like from day to day?", "요즘 하루하루는 어떻게 지내고 계세요?"),
        new("What would help, even a little?", "조금이라도 도움이 될 만한 게 있을까요?"),
    ];

    /// <summary>First words to a session's first message: a welcome, with no guess at what it is about.</summary>
    public static readonly LocalizedText[] Welcomes =
    [
        new("Thanks for reaching out. There's no right or wrong way to do this, so start wherever feels easiest.",
            "이렇게 이야기를 꺼내 주셔서 고마워요. 정해진 방식은 없으니 편한 데서부터 시작하셔도 돼요."),
        new("I'm glad you're here, and I'm listening.", "와 주셔서 반가워요. 잘 듣고 있을게요."),
    ];

    /// <summary>After a welcome, when no painful feeling was heard: an invitation, assuming nothing.</summary>
    public static readonly LocalizedText[] Invitations =
    [
        new("What's been on your mind lately?", "요즘 마음에 걸리는 일이 있으세요?"),
        new("What would you like to talk about today?", "오늘은 어떤 이야기를 해 볼까요?"),
    ];

    /// <summary>First words when the person says they are not at risk: taken at their word, without alarm.</summary>
    public static readonly LocalizedText[] DenialAcknowledgements =
    [
        new("Thank you for being so clear about that; I'm glad those thoughts aren't with you now.",
            "그 부분을 분명하게 말씀해 주셔서 고마워요. 지금은 그런 생각이 없다니 다행이에요."),
        new("I appreciate you telling me where you stand with that.", "지금 어떤 상태인지 솔직하게 말해 주셔서 고마워요."),
    ];

    /// <summary>What keeps them safe, and an open door if that changes.</summary>
    public static readonly LocalizedText[] DenialQuestions =
    [
        new("What's keeping you going these days?", "요즘 버티게 해 주는 건 어떤 거예요?"),
        new("What helps keep those thoughts at a distance?", "그런 생각에서 멀어지게 도와주는 건 뭐예요?"),
        new("If that ever changes, would you tell me?", "혹시 마음이 달라지면 저한테 꼭 말해 주실래요?"),
    ];

    /// <summary>Questions after good news: what helped, so it can be found again.</summary>
    public static readonly LocalizedText[] GoodNewsQuestions =
    [
        new("What do you think helped it go well?", "무엇이 그렇게 잘 풀리는 데 도움이 됐을까요?"),
        new("What did you do that made a difference there?", "그때 스스로 어떤 점을 잘하셨다고 생각하세요?"),
        new("How did it feel in the moment?", "그 순간 기분이 어떠셨어요?"),
    ];

    /// <summary>
    /// Instead of a third challenge in a row: the thought is heard and understood before it is questioned again, or the
    /// person chooses what matters (four disputations in a row read as a checklist, not a conversation).
    /// </summary>
    public static readonly LocalizedText[] Pauses =
    [
        new("We don't have to pick that thought apart right now. What feels most important to you in all of this?",
            "지금 바로 그 생각을 따져 보지 않아도 괜찮아요. 이 중에서 가장 마음에 걸리는 건 뭐예요?"),
        new("That's a heavy thing to believe about yourself. When that thought shows up, what does it push you to do?",
            "스스로에 대해 그렇게 믿고 지내는 건 무거운 일이에요. 그런 생각이 들면 보통 어떻게 하게 되세요?"),
        new("I'd like to understand it before we question it. When did you start seeing it this way?",
            "따져 보기 전에 먼저 이해하고 싶어요. 언제부터 그렇게 보게 되셨어요?"),
    ];

    /// <summary>A step the person means to take, recognised as theirs.</summary>
    public static readonly LocalizedText[] PlanRecognitions =
    [
        new("That sounds like a really doable step.", "해 볼 만한 한 걸음 같아요."),
        new("I like that plan: it's small and concrete.", "좋은 계획이네요. 작지만 구체적이에요."),
        new("That's a good idea, and it came from you.", "스스로 떠올리신 방법이라 더 좋네요."),
    ];

    /// <summary>Making the plan concrete: when, what may get in the way, what they expect (a behavioural experiment's questions).</summary>
    public static readonly LocalizedText[] PlanQuestions =
    [
        new("When do you think you'll try it first?", "언제 처음 해 보실 것 같아요?"),
        new("What might get in the way, and what could you do if it does?", "혹시 걸림돌이 생긴다면 뭐가 있을까요? 그럴 땐 어떻게 해 볼 수 있을까요?"),
        new("What do you expect will happen when you try it?", "해 보면 어떻게 될 거라고 예상하세요?"),
    ];

    /// <summary>Something the person noticed about their own thinking, recognised rather than passed over.</summary>
    public static readonly LocalizedText[] InsightRecognitions =
    [
        new("That's an important thing to notice.", "중요한 걸 알아차리셨네요."),
        new("That's a real shift, and you got there yourself.", "스스로 거기까지 생각해 내신 게 큰 변화예요."),
        new("Noticing that is a big part of the work.", "그걸 알아차린 것만으로도 큰 걸음이에요."),
    ];

    /// <summary>What to do with the insight: check it, keep it for the next time the thought comes.</summary>
    public static readonly LocalizedText[] InsightQuestions =
    [
        new("Is there a way you could check it out?", "그걸 실제로 확인해 볼 방법이 있을까요?"),
        new("What would you say to yourself the next time that thought shows up?", "다음에 그 생각이 또 들면 스스로에게 뭐라고 말해 주고 싶으세요?"),
        new("How does it feel to see it that way?", "그렇게 보고 나니 마음은 좀 어떠세요?"),
    ];

    /// <summary>A goodbye is answered with a goodbye: thanks for the talk.</summary>
    public static readonly LocalizedText[] ClosingThanks =
    [
        new("I'm really glad you came and talked today.", "오늘 이야기 나눠 주셔서 정말 고마워요."),
        new("Thank you for sharing all of this with me today.", "오늘 와서 이렇게 마음을 나눠 주셔서 고마워요."),
    ];

    /// <summary>The closing's look ahead when the person made a plan in the session: it is theirs to try and to tell.</summary>
    public static readonly LocalizedText ClosingWithAPlan = new(
        "Good luck with the steps you planned; I'd love to hear how they go.",
        "계획하신 것들 해 보시고, 어떻게 됐는지 꼭 들려주세요.");

    /// <summary>The closing's look ahead without a plan.</summary>
    public static readonly LocalizedText ClosingWithoutAPlan = new(
        "Be gentle with yourself this week, and come back any time.",
        "이번 주는 스스로에게 조금 너그럽게 지내 보세요. 언제든 다시 오셔도 돼요.");

    /// <summary>After a risk alert in the session, a closing leaves the crisis line behind, briefly and without alarm.</summary>
    public static readonly LocalizedText ClosingSafetyNet = new(
        "And if the heavy thoughts from earlier come back, please reach out right away.",
        "그리고 아까 말씀하신 힘든 생각이 다시 찾아오면 바로 도움을 요청해 주세요.");

    /// <summary>
    /// After a safety question, "don't worry, I just meant I'm tired" is believed and thanked for, not met with the same
    /// question again (a reviewer read the repeat as not being believed).
    /// </summary>
    public static readonly LocalizedText[] ReassuranceAcknowledgements =
    [
        new("Thank you for clarifying; I'm glad you told me.", "말씀해 주셔서 고마워요. 그렇게 알려 주시니 다행이에요."),
        new("Okay, thank you for letting me know where you are with it.", "네, 어떤 마음인지 알려 주셔서 고마워요."),
    ];

    /// <summary>An open door if it gets heavier, then back to what the person came with.</summary>
    public static readonly LocalizedText[] ReassuranceQuestions =
    [
        new("If it ever gets heavier than that, please tell me. What would you like to talk about from here?",
            "혹시 그 이상으로 무거워지면 꼭 말해 주세요. 이제 어떤 이야기를 이어서 해 볼까요?"),
        new("Being that worn out matters too. What's been draining you the most?",
            "그렇게 지친 것도 중요한 이야기예요. 요즘 가장 기운을 빼 가는 건 뭐예요?"),
    ];

    /// <summary>Daily life slipping (sleep, meals, things they stopped doing), said back without alarm.</summary>
    public static readonly LocalizedText[] DailyLifeReflections =
    [
        new("When the everyday things slip, like sleep, meals or what you used to enjoy, everything else gets heavier.",
            "잠이나 식사, 좋아하던 일 같은 일상이 흔들리면 다른 것도 다 더 무겁게 느껴지죠."),
        new("It sounds like the basics have been hard to keep up lately, which makes sense with all this going on.",
            "요즘 일상을 챙기기가 쉽지 않으셨던 것 같아요. 이런 일을 겪고 있으면 그럴 만해요."),
    ];

    /// <summary>One small step back into the routine or a lost activity (behavioural activation), chosen by the person.</summary>
    public static readonly LocalizedText[] DailyLifeQuestions =
    [
        new("If you could get one small piece of your routine back this week, which would you pick?",
            "이번 주에 일상 하나만 되찾는다면, 어떤 것부터 다시 챙겨 보고 싶으세요?"),
        new("Is there something you used to enjoy that you could try again, even in a very small way?",
            "예전에 즐기던 것 중에 아주 작게라도 다시 해 볼 만한 게 있을까요?"),
    ];

    /// <summary>A medical question (medication, a diagnosis, postpartum mood) goes to someone who can examine: no advice here.</summary>
    public static readonly LocalizedText[] MedicalAnswers =
    [
        new("That's a really good question for a doctor or a psychiatrist, who can look at the whole picture with you; I can't give medical advice.",
            "그건 의사나 정신건강의학과 선생님과 꼭 상의해 보시면 좋을 질문이에요. 전체 상황을 보고 답해 줄 수 있거든요. 저는 의학적인 조언은 드릴 수 없어요."),
        new("That one belongs with your doctor or a mental health professional: the answer depends on things only they can check, and it's worth asking.",
            "그건 담당 의사나 전문가에게 물어보시는 게 가장 정확해요. 직접 확인해야 알 수 있는 부분이 있어서요."),
    ];

    public static readonly LocalizedText[] MedicalQuestions =
    [
        new("Would it help to note down what you'd want to ask them?", "물어보고 싶은 걸 같이 정리해 볼까요?"),
        new("Is anything making it hard to ask them?", "혹시 물어보기 어렵게 만드는 게 있을까요?"),
    ];

    /// <summary>Asked whether they talk to a person, and what happens to their words, where the session keeps them.</summary>
    public static readonly LocalizedText AboutCounselorWhenKept = new(
        "I'm an AI counselor, not a person. What you write here is kept as your session's record in your account, where you can export or delete it.",
        "저는 사람이 아니라 AI 상담사예요. 여기 쓰신 내용은 계정의 상담 기록으로 남고, 언제든 내보내거나 지우실 수 있어요.");

    /// <summary>The same answer for a session that does not keep the person's words.</summary>
    public static readonly LocalizedText AboutCounselorWhenNotKept = new(
        "I'm an AI counselor, not a person. This session is set not to keep what you write.",
        "저는 사람이 아니라 AI 상담사예요. 이 상담은 쓰신 말을 저장하지 않도록 설정되어 있어요.");

    public static readonly LocalizedText[] AboutCounselorQuestions =
    [
        new("What made you wonder?", "어떤 점이 궁금하셨어요?"),
        new("Does that change how comfortable you feel talking here?", "그 점 때문에 여기서 이야기하기가 조심스러우세요?"),
    ];

    /// <summary>"Is this normal?", "am I too sensitive?": answered, then turned towards their own view of it.</summary>
    public static readonly LocalizedText[] IfNormalAnswers =
    [
        new("What you're describing is something a lot of people go through, and it doesn't mean something is wrong with you.",
            "말씀하신 건 많은 사람들이 겪는 일이에요. 그렇다고 뭔가 잘못된 건 아니에요."),
        new("Feelings like that are common in a situation like yours; having them doesn't make you strange.",
            "그런 상황에서 그런 마음이 드는 건 흔한 일이에요. 그런 마음이 든다고 이상한 사람이 되는 건 아니에요."),
    ];

    public static readonly LocalizedText[] IfNormalQuestions =
    [
        new("What makes you wonder whether it's normal?", "어떤 점 때문에 괜찮은 건지 궁금해지셨어요?"),
        new("What would you tell a friend who asked you the same thing?", "친구가 똑같이 물어본다면 뭐라고 말해 주실 것 같아요?"),
    ];

    /// <summary>"Should I ...?": the choice stays theirs, and the thinking is shared.</summary>
    public static readonly LocalizedText[] WhatToDoAnswers =
    [
        new("That's your call to make, and it's worth taking the time; I can help you think it through.",
            "그건 결국 직접 정하실 일이지만, 같이 차근차근 생각해 볼 수는 있어요."),
        new("I can't choose for you, but we can look at it together.", "제가 대신 정해 드릴 수는 없지만, 함께 따져 볼 수는 있어요."),
    ];

    public static readonly LocalizedText[] WhatToDoQuestions =
    [
        new("What would each option give you, and what would it cost you?", "각각의 선택이 주는 것과 잃게 되는 건 뭘까요?"),
        new("Picture yourself a month from now: which choice would you be glad you made?", "한 달 뒤의 내가 돌아본다면, 어떤 선택을 한 게 다행이라고 느낄까요?"),
    ];

    /// <summary>"How do I stop ...?": one small, concrete CBT technique, then whether they would try it.</summary>
    public static readonly LocalizedText[] HowAnswers =
    [
        new("One thing that often helps is to write the thought down when it shows up, and next to it what you'd say to a friend who had it.",
            "생각이 떠오를 때 적어 두고, 그 옆에 같은 생각을 하는 친구에게 해 줄 말을 적어 보는 게 도움이 되는 경우가 많아요."),
        new("Some people set aside fifteen minutes earlier in the day as worry time, and when a worry comes later they note it for that slot.",
            "하루 중 이른 시간에 15분쯤 '걱정 시간'을 정해 두고, 다른 때 걱정이 떠오르면 그 시간으로 미뤄 두는 방법도 있어요."),
        new("Slowing your breathing for a few minutes, in for four and out for six, can take the edge off before you decide what to do next.",
            "몇 분 동안 넷에 들이쉬고 여섯에 내쉬는 식으로 천천히 숨을 쉬면, 다음에 뭘 할지 정하기 전에 긴장을 조금 덜 수 있어요."),
    ];

    /// <summary>Why the homework is worth a try, said plainly: doubt of the method is a question, not resistance to argue with.</summary>
    public static readonly LocalizedText[] MethodAnswers =
    [
        new("That's a fair question. Writing a thought down slows it: on paper it can be weighed instead of simply believed, and for most people it takes a few weeks before that feels different.",
            "충분히 물어볼 만한 질문이에요. 생각을 적으면 속도가 느려져서, 그냥 믿어 버리는 대신 따져 볼 수 있게 돼요. 대부분은 몇 주쯤 해 봐야 달라지는 게 느껴져요."),
        new("It's okay to doubt it; these exercises don't work by themselves at once. They work by catching the thought early and testing it a little each time.",
            "의심이 드는 게 당연해요. 이런 연습은 한 번에 효과가 나는 게 아니라, 생각을 일찍 알아차리고 조금씩 따져 보는 데서 힘이 생겨요."),
    ];

    public static readonly LocalizedText[] MethodQuestions =
    [
        new("Which part of it feels least useful to you?", "그중에서 어떤 부분이 제일 소용없게 느껴지세요?"),
        new("What would have to change for it to feel worth doing?", "어떻게 바뀌면 해 볼 만하다고 느껴질까요?"),
    ];

    public static readonly LocalizedText[] HowQuestions =
    [
        new("Would you be up for trying that once this week?", "이번 주에 한 번 해 보실 수 있을까요?"),
        new("What do you think might make that hard for you?", "해 본다면 뭐가 제일 어려울 것 같으세요?"),
    ];
}
