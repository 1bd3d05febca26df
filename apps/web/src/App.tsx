import { parseRoute } from './links';
import { BoardPage } from './ui/BoardPage';
import { ErrorPage } from './ui/ErrorPage';
import { Landing } from './ui/Landing';

export function App() {
  const route = parseRoute(window.location.pathname);
  if (route.page === 'board') return <BoardPage boardId={route.boardId} />;
  if (route.page === 'missing') return <ErrorPage reason="not_found" />;
  return <Landing navigate={(url) => window.location.assign(url)} />;
}
