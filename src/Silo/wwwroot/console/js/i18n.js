// UI text in Korean and English. The language follows the signed-in user's preference; before sign-in, the browser's.
const messages = {
  en: {
    'nav.skip': 'Skip to content',
    'nav.newSession': 'New session',
    'nav.dashboard': 'Dashboard',
    'nav.signOut': 'Sign out',
    'nav.language': 'Language',
    'auth.title': 'Welcome to BeMore',
    'auth.intro': 'Sign in or create an account to start a counseling session.',
    'auth.signIn': 'Sign in',
    'auth.signUp': 'Create an account',
    'auth.email': 'Email',
    'auth.password': 'Password',
    'auth.displayName': 'Name',
    'auth.passwordHint': 'At least 10 characters; not a common password, a run such as 1234567890, or your email.',
    'newSession.title': 'New session',
    'newSession.sessionTitle': 'Title (optional)',
    'newSession.consent': 'Your consent',
    'newSession.consentAnalysis': 'Analyse my session (emotion, thinking patterns, suggestions)',
    'newSession.consentTranscript': 'Keep the words of my transcript (otherwise only timing and word counts are kept)',
    'newSession.consentHint': 'Safety alerts are always on. Your choices hold for the whole session.',
    'newSession.start': 'Start session',
    'session.untitled': 'Session',
    'session.status': 'Status',
    'session.connection': 'Connection',
    'session.controls': 'Session controls',
    'session.pause': 'Pause',
    'session.resume': 'Resume',
    'session.end': 'End session',
    'session.openReport': 'Open the report',
    'session.riskTitle': 'You matter. If you are in danger or thinking about harming yourself, please reach out now.',
    'session.voice': 'Voice',
    'session.level': 'Voice level',
    'session.utterances': 'Utterances',
    'session.speaking': 'Speaking',
    'session.silent': 'Not speaking',
    'session.emotion': 'Emotion',
    'session.currentEmotion': 'Now',
    'session.emotionChart': 'Chart of emotion valence and arousal over the session',
    'session.transcript': 'Transcript',
    'session.typeLabel': 'Type what you want to say',
    'session.textLanguage': 'Language of the text',
    'session.send': 'Send',
    'conversation.title': 'Talk with the counselor',
    'conversation.inputLabel': 'Your message to the counselor',
    'conversation.send': 'Ask',
    'conversation.speak': 'Read replies aloud',
    'conversation.cutOff': '(cut off)',
    'newSession.counselor': 'The counselor answers',
    'newSession.counselorOnRequest': 'When I ask',
    'newSession.counselorAuto': 'After each thing I say',
    'newSession.counselorOff': 'Never',
    'session.distortions': 'Thinking patterns',
    'session.interventions': 'Questions and tasks',
    'session.events': 'Session events',
    'session.notStored': '(words not kept: {count} words)',
    'session.micOn': 'Microphone on.',
    'session.micOff': 'Microphone off.',
    'session.micDenied': 'The microphone is not available; you can still type.',
    'session.audioKept': 'The connection is down: what you say is kept and sent when it is back.',
    'session.audioSending': 'Sending what you said while the connection was down…',
    'session.audioDropped': 'The connection was down for over a minute, so the earliest speech from that time could not be kept.',
    'session.ended': 'This session has ended.',
    'session.question': 'Question',
    'session.task': 'Task',
    'session.evidence': 'Heard: “{text}”',
    'session.severity': 'Severity: {severity}',
    'connection.connecting': 'connecting',
    'connection.connected': 'connected',
    'connection.reconnecting': 'reconnecting…',
    'connection.disconnected': 'disconnected',
    'status.active': 'active',
    'status.paused': 'paused',
    'status.ended': 'ended',
    'report.title': 'Report: {title}',
    'report.downloads': 'Downloads',
    'report.pdf': 'PDF report',
    'report.csvKind': 'CSV table',
    'report.csv.transcript': 'Transcript',
    'report.csv.emotion': 'Emotion',
    'report.csv.voice': 'Voice',
    'report.csv.distortions': 'Thinking patterns',
    'report.csv.download': 'Download CSV',
    'report.summary': 'Summary',
    'report.voice': 'Voice',
    'report.voiceChart': 'Chart of the voice level over the session',
    'report.emotionTimeline': 'Emotion over time',
    'report.emotionChart': 'Chart of emotion valence and arousal over time',
    'report.distributionChart': 'Chart of the share of each emotion',
    'report.recommendations': 'Recommendations',
    'report.started': 'Started',
    'report.duration': 'Active time',
    'report.words': 'Words',
    'report.dominant': 'Dominant emotion',
    'report.risk': 'Risk level',
    'report.speechRatio': 'Speaking share',
    'report.utterances': 'Utterances',
    'report.avgUtterance': 'Average utterance',
    'report.longestPause': 'Longest pause',
    'report.rate': 'Speech rate',
    'report.none': 'None.',
    'dashboard.title': 'Your dashboard',
    'dashboard.totals': 'Totals',
    'dashboard.sessions': 'Sessions',
    'dashboard.ended': 'Ended sessions',
    'dashboard.minutes': 'Active minutes',
    'dashboard.perWeek': 'Sessions per week',
    'dashboard.emotions': 'Emotions',
    'dashboard.topDistortions': 'Most frequent thinking patterns',
    'dashboard.riskFlags': 'Sessions with safety alerts',
    'dashboard.recent': 'Recent sessions',
    'dashboard.updated': 'Updated {time}; refreshes every 15 seconds.',
    'dashboard.live': 'in progress',
    'chart.valence': 'Valence',
    'chart.arousal': 'Arousal',
    'chart.level': 'Level (dBFS)',
    'chart.sessions': 'Sessions',
    'chart.share': 'Share',
    'error.generic': 'Something went wrong. Please try again.',
    'error.network': 'The server cannot be reached. Please check your connection.',
    'error.INVALID_CREDENTIALS': 'The email or password is not right.',
    'error.USER_EXISTS': 'An account with this email already exists.',
    'error.VALIDATION_ERROR': 'Please check the fields: {detail}',
    'error.RATE_LIMITED': 'Too many attempts. Please wait a moment.',
    'emotion.neutral': 'neutral',
    'emotion.joy': 'joy',
    'emotion.calm': 'calm',
    'emotion.anxiety': 'anxiety',
    'emotion.sadness': 'sadness',
    'emotion.anger': 'anger',
    'risk.none': 'none',
    'risk.low': 'low',
    'risk.elevated': 'elevated',
    'risk.high': 'high',
    'severity.low': 'low',
    'severity.medium': 'medium',
    'severity.high': 'high',
    'distortion.all_or_nothing': 'All-or-nothing thinking',
    'distortion.catastrophizing': 'Catastrophizing',
    'distortion.disqualifying_the_positive': 'Disqualifying the positive',
    'distortion.emotional_reasoning': 'Emotional reasoning',
    'distortion.jumping_to_conclusions': 'Jumping to conclusions',
    'distortion.labeling': 'Labeling',
    'distortion.magnification': 'Magnification',
    'distortion.mental_filter': 'Mental filter',
    'distortion.overgeneralization': 'Overgeneralization',
    'distortion.should_statements': 'Should statements',
  },
  ko: {
    'nav.skip': '본문으로 건너뛰기',
    'nav.newSession': '새 세션',
    'nav.dashboard': '대시보드',
    'nav.signOut': '로그아웃',
    'nav.language': '언어',
    'auth.title': 'BeMore에 오신 것을 환영합니다',
    'auth.intro': '상담 세션을 시작하려면 로그인하거나 계정을 만드세요.',
    'auth.signIn': '로그인',
    'auth.signUp': '계정 만들기',
    'auth.email': '이메일',
    'auth.password': '비밀번호',
    'auth.displayName': '이름',
    'auth.passwordHint': '10자 이상. 흔한 비밀번호, 1234567890 같은 연속된 문자, 이메일은 쓸 수 없어요.',
    'newSession.title': '새 세션',
    'newSession.sessionTitle': '제목 (선택)',
    'newSession.consent': '동의',
    'newSession.consentAnalysis': '세션 분석에 동의합니다 (감정, 생각 패턴, 제안)',
    'newSession.consentTranscript': '대화 내용을 저장합니다 (동의하지 않으면 시간과 단어 수만 저장)',
    'newSession.consentHint': '안전 알림은 항상 켜져 있습니다. 선택은 세션이 끝날 때까지 유지됩니다.',
    'newSession.start': '세션 시작',
    'session.untitled': '세션',
    'session.status': '상태',
    'session.connection': '연결',
    'session.controls': '세션 조작',
    'session.pause': '일시 정지',
    'session.resume': '다시 시작',
    'session.end': '세션 종료',
    'session.openReport': '보고서 열기',
    'session.riskTitle': '당신은 소중합니다. 위험하거나 스스로를 해칠 생각이 든다면 지금 바로 도움을 요청하세요.',
    'session.voice': '음성',
    'session.level': '음성 크기',
    'session.utterances': '발화 수',
    'session.speaking': '말하는 중',
    'session.silent': '말하지 않음',
    'session.emotion': '감정',
    'session.currentEmotion': '현재',
    'session.emotionChart': '세션 동안의 감정 정서가와 각성도 차트',
    'session.transcript': '대화 기록',
    'session.typeLabel': '하고 싶은 말을 입력하세요',
    'session.textLanguage': '텍스트 언어',
    'session.send': '보내기',
    'conversation.title': '상담사와 대화하기',
    'conversation.inputLabel': '상담사에게 보낼 말',
    'conversation.send': '묻기',
    'conversation.speak': '답변을 소리 내어 읽기',
    'conversation.cutOff': '(중간에 끊김)',
    'newSession.counselor': '상담사의 답변',
    'newSession.counselorOnRequest': '내가 물을 때',
    'newSession.counselorAuto': '내가 말할 때마다',
    'newSession.counselorOff': '답하지 않음',
    'session.distortions': '생각 패턴',
    'session.interventions': '질문과 과제',
    'session.events': '세션 이벤트',
    'session.notStored': '(내용 저장 안 함: {count}단어)',
    'session.micOn': '마이크 켜짐.',
    'session.micOff': '마이크 꺼짐.',
    'session.micDenied': '마이크를 사용할 수 없습니다. 입력은 계속할 수 있습니다.',
    'session.audioKept': '연결이 끊겼습니다. 하시는 말씀은 보관했다가 다시 연결되면 보냅니다.',
    'session.audioSending': '연결이 끊긴 동안 하신 말씀을 보내는 중입니다…',
    'session.audioDropped': '연결이 1분 넘게 끊겨서 그동안 하신 말씀 중 앞부분은 보관하지 못했습니다.',
    'session.ended': '이 세션은 끝났습니다.',
    'session.question': '질문',
    'session.task': '과제',
    'session.evidence': '들린 말: “{text}”',
    'session.severity': '강도: {severity}',
    'connection.connecting': '연결 중',
    'connection.connected': '연결됨',
    'connection.reconnecting': '다시 연결하는 중…',
    'connection.disconnected': '연결 끊김',
    'status.active': '진행 중',
    'status.paused': '일시 정지됨',
    'status.ended': '종료됨',
    'report.title': '보고서: {title}',
    'report.downloads': '내려받기',
    'report.pdf': 'PDF 보고서',
    'report.csvKind': 'CSV 표',
    'report.csv.transcript': '대화 기록',
    'report.csv.emotion': '감정',
    'report.csv.voice': '음성',
    'report.csv.distortions': '생각 패턴',
    'report.csv.download': 'CSV 내려받기',
    'report.summary': '요약',
    'report.voice': '음성',
    'report.voiceChart': '세션 동안의 음성 크기 차트',
    'report.emotionTimeline': '시간에 따른 감정',
    'report.emotionChart': '시간에 따른 감정 정서가와 각성도 차트',
    'report.distributionChart': '감정별 비율 차트',
    'report.recommendations': '추천',
    'report.started': '시작',
    'report.duration': '진행 시간',
    'report.words': '단어 수',
    'report.dominant': '주된 감정',
    'report.risk': '위험 수준',
    'report.speechRatio': '말한 비율',
    'report.utterances': '발화 수',
    'report.avgUtterance': '평균 발화 길이',
    'report.longestPause': '가장 긴 멈춤',
    'report.rate': '말 속도',
    'report.none': '없음.',
    'dashboard.title': '나의 대시보드',
    'dashboard.totals': '합계',
    'dashboard.sessions': '세션',
    'dashboard.ended': '끝난 세션',
    'dashboard.minutes': '진행 시간(분)',
    'dashboard.perWeek': '주별 세션 수',
    'dashboard.emotions': '감정',
    'dashboard.topDistortions': '자주 나타난 생각 패턴',
    'dashboard.riskFlags': '안전 알림이 있었던 세션',
    'dashboard.recent': '최근 세션',
    'dashboard.updated': '{time}에 갱신됨. 15초마다 새로 고칩니다.',
    'dashboard.live': '진행 중',
    'chart.valence': '정서가',
    'chart.arousal': '각성도',
    'chart.level': '크기 (dBFS)',
    'chart.sessions': '세션',
    'chart.share': '비율',
    'error.generic': '문제가 생겼습니다. 다시 시도해 주세요.',
    'error.network': '서버에 연결할 수 없습니다. 연결을 확인해 주세요.',
    'error.INVALID_CREDENTIALS': '이메일 또는 비밀번호가 맞지 않습니다.',
    'error.USER_EXISTS': '이 이메일로 만든 계정이 이미 있습니다.',
    'error.VALIDATION_ERROR': '입력을 확인해 주세요: {detail}',
    'error.RATE_LIMITED': '시도가 너무 많습니다. 잠시 후 다시 해 주세요.',
    'emotion.neutral': '중립',
    'emotion.joy': '기쁨',
    'emotion.calm': '평온',
    'emotion.anxiety': '불안',
    'emotion.sadness': '슬픔',
    'emotion.anger': '분노',
    'risk.none': '없음',
    'risk.low': '낮음',
    'risk.elevated': '높아짐',
    'risk.high': '높음',
    'severity.low': '약함',
    'severity.medium': '중간',
    'severity.high': '강함',
    'distortion.all_or_nothing': '흑백 논리',
    'distortion.catastrophizing': '파국화',
    'distortion.disqualifying_the_positive': '긍정 격하',
    'distortion.emotional_reasoning': '감정적 추론',
    'distortion.jumping_to_conclusions': '성급한 결론',
    'distortion.labeling': '낙인찍기',
    'distortion.magnification': '과장',
    'distortion.mental_filter': '정신적 여과',
    'distortion.overgeneralization': '과잉 일반화',
    'distortion.should_statements': '당위적 사고',
  },
};

export const languages = Object.keys(messages);

let current = navigator.language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
const listeners = new Set();

export function language() {
  return current;
}

/** The text for a key in the current language, with {name} placeholders filled; an unknown key shows as itself. */
export function t(key, params = {}) {
  const text = messages[current][key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

/** A label of a server vocabulary (emotion, risk level, distortion type): translated when known, else as sent. */
export function term(group, value) {
  if (value === null || value === undefined) {
    return '–';
  }
  const key = `${group}.${value}`;
  return messages[current][key] ?? value;
}

/** Fills every [data-i18n] element's text and every [data-i18n-label] element's aria-label under root. */
export function translate(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  }
}

export function setLanguage(next) {
  if (!languages.includes(next) || next === current) {
    return;
  }
  current = next;
  document.documentElement.lang = next;
  translate();
  for (const listener of listeners) {
    listener(next);
  }
}

/** Calls listener after every language change; returns the function that stops it. */
export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function formatDateTime(iso) {
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatTime(date) {
  return new Intl.DateTimeFormat(current, { timeStyle: 'medium' }).format(date);
}

export function formatDuration(ms) {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

export function formatNumber(value, digits = 0) {
  return new Intl.NumberFormat(current, { maximumFractionDigits: digits }).format(value);
}

document.documentElement.lang = current;
