using System.Collections.Frozen;
using BeMore.Grains.Abstractions.Localization;
using static BeMore.Domain.Analysis.DistortionType;
using static BeMore.Domain.Analysis.TaskDifficulty;

namespace BeMore.Domain.Analysis;

public enum TaskDifficulty
{
    Easy,
    Medium,
    Hard,
}

/// <summary>A small between-session exercise that tests the distorted thought against experience.</summary>
public sealed record BehaviouralTask(string Text, TaskDifficulty Difficulty);

/// <summary>
/// Socratic questions and behavioural tasks for each distortion, each written in English and Korean. Tasks are
/// listed from easiest to hardest, so rotating through them grades the exposure.
/// </summary>
public static class InterventionCatalog
{
    private static readonly CatalogEntry[] Entries =
    [
        new(
            AllOrNothing,
            [
                new("Is there anything between total success and total failure here?",
                    "완전한 성공과 완전한 실패 사이에 다른 가능성은 없을까요?"),
                new("If a friend did 80% of this well, would you call it a failure?",
                    "친구가 이 일을 80% 정도 잘 해냈다면, 그것을 실패라고 부르실 건가요?"),
                new("What parts of this went at least partly right?",
                    "이번 일에서 조금이라도 잘된 부분은 무엇이었나요?"),
                new("On a scale from 0 to 100, where would you honestly place the result?",
                    "0점에서 100점 사이라면, 솔직히 몇 점쯤 될까요?"),
                new("What would 'good enough' look like in this situation?",
                    "이 상황에서 '이 정도면 충분하다'는 어떤 모습일까요?"),
            ],
            [
                new(new("Rate one task you finished today from 0 to 100 instead of pass or fail.",
                    "오늘 끝낸 일 하나를 성공/실패 대신 0~100점으로 평가해 보세요."), Easy),
                new(new("Deliberately hand in one small piece of work at 'good enough' and note what happens.",
                    "작은 과제 하나를 일부러 '이 정도면 충분한' 수준으로 제출하고 어떤 일이 생기는지 적어 보세요."), Hard),
            ]),
        new(
            Catastrophizing,
            [
                new("What is the most likely outcome, rather than the worst one?",
                    "최악의 결과 말고, 가장 일어날 법한 결과는 무엇일까요?"),
                new("If the worst did happen, how might you cope with it?",
                    "만약 최악의 일이 생긴다면, 어떻게 대처해 볼 수 있을까요?"),
                new("How often have your worst predictions actually come true?",
                    "지금까지 최악의 예상이 실제로 일어난 적이 얼마나 있었나요?"),
                new("What would you tell a friend who was expecting this disaster?",
                    "같은 걱정을 하는 친구에게는 뭐라고 말해 주시겠어요?"),
                new("How much will this matter in a year from now?",
                    "1년 뒤에도 이 일이 지금만큼 중요할까요?"),
            ],
            [
                new(new("Write down the worst, best and most likely outcome of one worry.",
                    "걱정 하나에 대해 최악, 최선, 가장 가능성 높은 결과를 각각 적어 보세요."), Easy),
                new(new("Keep a prediction log for a week and compare each feared outcome with what happened.",
                    "일주일 동안 예측 일지를 쓰고, 걱정했던 결과와 실제 결과를 비교해 보세요."), Medium),
            ]),
        new(
            DisqualifyingThePositive,
            [
                new("If someone else had achieved this, would you say it was just luck?",
                    "다른 사람이 이 일을 해냈다면, 그것도 그냥 운이었다고 하시겠어요?"),
                new("What did you do yourself that contributed to this result?",
                    "이 결과에 본인이 직접 기여한 부분은 무엇이었나요?"),
                new("Why might the praise be sincere?",
                    "그 칭찬이 진심일 수도 있는 이유는 무엇일까요?"),
                new("What would it mean if this success did count?",
                    "이 성공을 인정한다면 어떤 의미가 있을까요?"),
                new("What evidence is there that you earned this?",
                    "이것을 스스로 얻어 냈다는 근거는 무엇이 있을까요?"),
            ],
            [
                new(new("Each evening, write down one thing you did well and your part in it.",
                    "매일 저녁 잘한 일 하나와 그 일에서 내가 한 역할을 적어 보세요."), Easy),
                new(new("Next time you receive a compliment, answer only 'thank you' and notice the urge to dismiss it.",
                    "다음에 칭찬을 받으면 '고마워요'라고만 답하고, 부정하고 싶은 마음을 관찰해 보세요."), Medium),
            ]),
        new(
            EmotionalReasoning,
            [
                new("What are the facts here, apart from how it feels?",
                    "느낌을 잠시 떼어 놓고 보면, 실제 사실은 무엇인가요?"),
                new("Have you ever felt this way about something that turned out fine?",
                    "이렇게 느꼈지만 결국 괜찮았던 적이 있었나요?"),
                new("If you felt calmer, would the situation itself be different?",
                    "마음이 조금 더 편안했다면, 상황 자체가 달라졌을까요?"),
                new("What evidence would convince you the feeling is not the whole truth?",
                    "그 느낌이 전부 사실은 아니라는 걸 보여 줄 근거는 무엇일까요?"),
                new("How would an outside observer describe this situation?",
                    "제3자가 이 상황을 본다면 어떻게 설명할까요?"),
            ],
            [
                new(new("When a strong feeling comes, write the feeling and the facts in two separate columns.",
                    "강한 감정이 들 때 감정과 사실을 두 칸으로 나누어 적어 보세요."), Medium),
                new(new("Act on the facts once this week even while the feeling says otherwise, and record the result.",
                    "이번 주에 한 번, 감정이 다르게 말하더라도 사실에 따라 행동해 보고 결과를 기록해 보세요."), Hard),
            ]),
        new(
            JumpingToConclusions,
            [
                new("What evidence do you have for that conclusion, and what against it?",
                    "그렇게 결론 내린 근거는 무엇이고, 반대되는 근거는 무엇인가요?"),
                new("What other explanations, or other outcomes, are possible here?",
                    "다른 설명이나 다른 결과는 없을까요?"),
                new("How could you find out what they actually think?",
                    "상대가 실제로 어떻게 생각하는지 어떻게 확인해 볼 수 있을까요?"),
                new("Have you predicted something like this before that did not happen?",
                    "전에도 이렇게 예상했는데 실제로는 일어나지 않은 적이 있었나요?"),
                new("What would you need to know before being sure?",
                    "확신하려면 무엇을 더 알아야 할까요?"),
            ],
            [
                new(new("List three alternative explanations before settling on one.",
                    "결론을 내리기 전에 다른 설명 세 가지를 적어 보세요."), Easy),
                new(new("Check one assumption directly: ask the person what they meant.",
                    "가정 하나를 직접 확인해 보세요: 상대에게 무슨 뜻이었는지 물어보기."), Hard),
            ]),
        new(
            Labeling,
            [
                new("Does one action define who you are as a whole person?",
                    "한 번의 행동이 한 사람 전체를 정의할 수 있을까요?"),
                new("Would you use that word for a friend in the same spot?",
                    "같은 상황에 있는 친구에게도 그 말을 붙이시겠어요?"),
                new("What facts about you does this label leave out?",
                    "그 꼬리표가 놓치고 있는 당신의 모습은 무엇인가요?"),
                new("Can you describe what happened without using the label?",
                    "그 꼬리표 없이 있었던 일만 설명해 볼 수 있을까요?"),
                new("Who in your life would disagree with that label, and why?",
                    "주변에서 그 꼬리표에 동의하지 않을 사람은 누구이고, 왜일까요?"),
            ],
            [
                new(new("Rewrite the label as a description of one specific behaviour.",
                    "꼬리표를 구체적인 행동 하나에 대한 설명으로 바꿔 써 보세요."), Easy),
                new(new("Ask someone you trust for three qualities they see in you and write them down.",
                    "믿을 만한 사람에게 나의 장점 세 가지를 물어보고 적어 보세요."), Medium),
            ]),
        new(
            Magnification,
            [
                new("How big is this really, on a scale from 1 to 10?",
                    "1부터 10까지라면, 이 일은 실제로 몇 점 정도의 크기일까요?"),
                new("Will anyone else remember this next week?",
                    "다음 주에도 다른 사람들이 이 일을 기억할까요?"),
                new("What would this look like from someone else's point of view?",
                    "다른 사람의 눈으로 보면 이 일은 어떻게 보일까요?"),
                new("What else went on that day besides this one thing?",
                    "그날 이 일 말고 또 어떤 일들이 있었나요?"),
                new("If this had happened to a friend, how big would it seem to you?",
                    "친구에게 같은 일이 있었다면, 얼마나 큰 일로 보이실 것 같아요?"),
            ],
            [
                new(new("Rate the event from 1 to 10 now, then again in three days, and compare.",
                    "그 일의 크기를 지금 1~10점으로 매기고, 사흘 뒤 다시 매겨 비교해 보세요."), Medium),
                new(new("Tell one trusted person about the mistake and notice how they size it.",
                    "믿을 만한 사람에게 그 실수를 이야기하고, 그 사람이 얼마나 크게 보는지 살펴보세요."), Hard),
            ]),
        new(
            MentalFilter,
            [
                new("What else happened that you might be overlooking?",
                    "혹시 놓치고 있는 다른 일들은 없었나요?"),
                new("If you listed everything that went well, what would be on it?",
                    "잘된 일들을 모두 적는다면 어떤 것들이 있을까요?"),
                new("Why does this one detail weigh more than all the rest?",
                    "이 한 가지가 왜 나머지 전부보다 더 무겁게 느껴질까요?"),
                new("What would a balanced summary of the day sound like?",
                    "그날을 균형 있게 요약한다면 어떻게 말할 수 있을까요?"),
                new("What would someone who saw the whole picture notice?",
                    "전체 상황을 본 사람이라면 무엇을 알아차릴까요?"),
            ],
            [
                new(new("At the end of the day, list three things that went well before one that did not.",
                    "하루를 마치며 잘 안된 일 하나를 적기 전에 잘된 일 세 가지를 먼저 적어 보세요."), Easy),
                new(new("Review one recent event and write a full account that includes every neutral and good part.",
                    "최근 일 하나를 골라 중립적이거나 좋았던 부분까지 모두 포함해 다시 적어 보세요."), Medium),
            ]),
        new(
            Overgeneralization,
            [
                new("Is it really always, or can you think of one exception?",
                    "정말 항상 그랬나요, 아니면 예외가 한 번이라도 있었나요?"),
                new("How many times has this actually happened, and how many times not?",
                    "실제로 이런 일이 몇 번 있었고, 그렇지 않았던 때는 몇 번이었나요?"),
                new("What is different about the times it went better?",
                    "더 잘됐던 때는 무엇이 달랐을까요?"),
                new("Does one event tell you what will happen every time?",
                    "한 번의 일이 앞으로의 모든 일을 말해 줄 수 있을까요?"),
                new("What would be a more precise way to say this?",
                    "이 생각을 좀 더 정확하게 표현한다면 어떻게 말할 수 있을까요?"),
            ],
            [
                new(new("Count this week's exceptions to the 'always' or 'never' you noticed.",
                    "이번 주에 '항상'이나 '절대'에 들어맞지 않은 예외를 세어 보세요."), Medium),
                new(new("Try the situation again once this week and record how it actually went.",
                    "이번 주에 같은 상황을 한 번 더 시도해 보고 실제로 어땠는지 기록해 보세요."), Hard),
            ]),
        new(
            ShouldStatements,
            [
                new("Where does this rule come from, and does it still help you?",
                    "이 규칙은 어디에서 왔고, 지금도 도움이 되나요?"),
                new("What would change if you said 'I would like to' instead of 'I should'?",
                    "'해야 한다' 대신 '하고 싶다'라고 말하면 무엇이 달라질까요?"),
                new("Would you hold a friend to the same standard?",
                    "친구에게도 같은 기준을 요구하시겠어요?"),
                new("What happens when you fall short of this rule?",
                    "이 기준에 못 미치면 어떤 일이 생기나요?"),
                new("Is there a more flexible version of this expectation?",
                    "이 기대를 조금 더 유연하게 바꾼다면 어떻게 될까요?"),
            ],
            [
                new(new("Replace 'should' with 'I would prefer' in three thoughts today.",
                    "오늘 떠오른 생각 세 가지에서 '해야 한다'를 '하면 좋겠다'로 바꿔 보세요."), Easy),
                new(new("Break one rigid rule in a small, safe way and note the real consequences.",
                    "엄격한 규칙 하나를 작고 안전한 방식으로 어겨 보고 실제 결과를 적어 보세요."), Hard),
            ]),
    ];

    private static readonly FrozenDictionary<(DistortionType, TextLanguage), string[]> QuestionTable =
        InEachLanguage((entry, language) => entry.Questions.Select(question => question.In(language)).ToArray());

    private static readonly FrozenDictionary<(DistortionType, TextLanguage), BehaviouralTask[]> TaskTable =
        InEachLanguage((entry, language) => entry.Tasks.Select(task => new BehaviouralTask(task.Text.In(language), task.Difficulty)).ToArray());

    public static IReadOnlyList<string> Questions(DistortionType type, TextLanguage language) => QuestionTable[(type, language)];

    public static IReadOnlyList<BehaviouralTask> Tasks(DistortionType type, TextLanguage language) => TaskTable[(type, language)];

    /// <summary>The catalog in each language, ready to hand out: <paramref name="select"/> gets a language code.</summary>
    private static FrozenDictionary<(DistortionType, TextLanguage), T> InEachLanguage<T>(Func<CatalogEntry, string, T> select) => Entries
        .SelectMany(entry => Enum.GetValues<TextLanguage>().Select(language => KeyValuePair.Create((entry.Type, language), select(entry, language.ToCode()))))
        .ToFrozenDictionary();

    private sealed record CatalogEntry(DistortionType Type, LocalizedText[] Questions, LocalizedTask[] Tasks);

    private sealed record LocalizedTask(LocalizedText Text, TaskDifficulty Difficulty);
}
