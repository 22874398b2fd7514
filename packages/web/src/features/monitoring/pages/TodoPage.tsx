// The 待办 page lists monitoring cases and projects: it lives in features/todo. router.tsx still imports it from here.
export { TodoPage } from '../../todo/pages/TodoPage.tsx';
